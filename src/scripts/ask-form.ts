// Enhancement of the ask form (/hoi/): prefill from ?q=, validation with messages, the chosen field's
// intake address, and a live preview of the message that will be sent. Without this script the form
// still works as a plain mailto: (or portal) form.
import { askBody, askMailto, askSubject } from '../questions/ask-message.ts';

const form = document.querySelector<HTMLFormElement>('[data-ask-form]');
if (form) enhance(form);

function enhance(form: HTMLFormElement) {
  const field = form.querySelector<HTMLSelectElement>('select[name="field"]')!;
  const question = form.querySelector<HTMLTextAreaElement>('textarea[name="question"]')!;
  const askedBy = form.querySelector<HTMLInputElement>('input[name="asked_by"]')!;
  const contact = form.querySelector<HTMLInputElement>('input[name="contact"]')!;
  const errors = form.querySelector<HTMLElement>('[data-ask-errors]')!;
  const preview = document.querySelector<HTMLElement>('[data-ask-preview]')!;
  const send = preview.querySelector<HTMLAnchorElement>('[data-ask-send]')!;
  const mail = form.dataset.mode === 'mail';
  form.noValidate = true;

  // The search page links here with the query (?q=) and, when a field filter was set, the field (?field=).
  const params = new URLSearchParams(location.search);
  const q = params.get('q');
  if (q && !question.value) question.value = q.slice(0, 2000);
  const f = params.get('field');
  if (f && !field.value && [...field.options].some((o) => o.value === f)) field.value = f;

  const message = () => {
    const opt = field.selectedOptions[0];
    const to = opt?.dataset.email || form.dataset.fallback || '';
    const fieldName = opt?.value ? opt.text : '';
    const subject = askSubject(form.dataset.siteName ?? '', field.value, fieldName);
    const body = askBody({ field: field.value, question: question.value, asked_by: askedBy.value.trim(), contact: contact.value.trim() || undefined }, fieldName);
    return { to, subject, body, href: askMailto(to, subject, body) };
  };

  const problems = (): { el: HTMLElement; text: string }[] => {
    const out: { el: HTMLElement; text: string }[] = [];
    const label = (el: HTMLElement) => form.querySelector(`label[for="${el.id}"]`)?.firstChild?.textContent?.trim() ?? el.id;
    for (const el of [field, question, askedBy]) if (!el.value.trim()) out.push({ el, text: label(el) });
    if (question.value.trim() && question.value.trim().length < 10) out.push({ el: question, text: form.dataset.msgTooShort ?? '' });
    return out;
  };

  const update = () => {
    const m = message();
    preview.hidden = !mail;
    preview.querySelector('[data-preview-to]')!.textContent = m.to;
    preview.querySelector('[data-preview-subject]')!.textContent = m.subject;
    preview.querySelector('[data-preview-body]')!.textContent = m.body;
    send.href = m.href;
    const how = form.querySelector<HTMLElement>('[data-ask-how]');
    if (mail && how?.dataset.template && m.to) how.textContent = how.dataset.template.replace('{email}', m.to);
    for (const el of [field, question, askedBy]) if (el.value.trim()) el.removeAttribute('aria-invalid');
  };

  const showErrors = (list: { el: HTMLElement; text: string }[]) => {
    errors.replaceChildren();
    errors.hidden = list.length === 0;
    if (!list.length) return;
    const p = document.createElement('p');
    p.textContent = form.dataset.msgErrors ?? '';
    const ul = document.createElement('ul');
    for (const { el, text } of list) {
      el.setAttribute('aria-invalid', 'true');
      const li = document.createElement('li');
      li.textContent = text;
      ul.append(li);
    }
    errors.append(p, ul);
    list[0].el.focus();
  };

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  send.addEventListener('click', (ev) => {
    const list = problems();
    if (list.length) {
      ev.preventDefault();
      showErrors(list);
    }
  });
  form.addEventListener('submit', (ev) => {
    const list = problems();
    showErrors(list);
    if (list.length) {
      ev.preventDefault();
      return;
    }
    if (mail) {
      // Write the structured message to the field's own intake unit instead of the generic form body.
      ev.preventDefault();
      const href = message().href;
      // Recorded on the form so the page (and its tests) can tell what was handed to the mail program.
      form.dataset.sent = href;
      location.href = href;
    }
  });
  update();
}
