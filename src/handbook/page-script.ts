// The printer's own fixed script, run in the handbook page by src/handbook/print.ts.
//
// Why in the page and not in Node: the print passes need Chromium's layout (page numbers come from the
// printed PDF), and rewriting a page of thousands of entries in place is much cheaper than serialising
// and reloading it for each pass. Why this is safe although the page holds editors' content:
//   - the content's own script never runs: the browser context has JavaScript disabled and the page
//     is served with the site's CSP (no inline script, no inline style, only its own origin);
//   - these functions run in an ISOLATED WORLD (a separate JavaScript realm over the same DOM,
//     created over CDP), so nothing the page defines can replace a global or a prototype they use;
//   - DOM clobbering (`<img name="querySelector">`, `id="…"` matching a global) reaches named
//     properties of `document` and of forms only: the functions call the methods of
//     `Document.prototype`/`Element.prototype` explicitly and never read a property of `document`;
//   - they find what they change through the structural selectors of page-contract.ts (never a
//     search anywhere below an entry), take every entry's question, URL and QR code from the build's
//     data (src/handbook/build-data.ts), and report extra or missing entry articles so the printer
//     stops instead of printing a page that content has reshaped.
//
// Each function is serialised into Chromium with its argument: it must not use anything outside it.
import type { Attributes, Selectors } from './page-contract.ts';

export interface PageFacts {
  /** Attributes of the root, by name. */
  root: Record<string, string | null>;
  /** Entry ids in page order, as the structural selectors find them. */
  entryIds: string[];
  /** Entry articles anywhere in the document. */
  anyEntries: number;
  /** Problems with the page's structure. */
  problems: string[];
}

export function inspectPage(arg: { ROOT: string; S: Selectors; A: Attributes; rootAttrs: string[] }): PageFacts {
  const { ROOT, S, A } = arg;
  const qa = (el: ParentNode, sel: string) => [...Element.prototype.querySelectorAll.call(el, sel)] as HTMLElement[];
  const all = [...Document.prototype.querySelectorAll.call(document, ROOT)] as HTMLElement[];
  const problems: string[] = [];
  if (all.length !== 1) problems.push(`the page has ${all.length} handbook roots (${ROOT}), not 1`);
  const root = all[0];
  if (!root) return { root: {}, entryIds: [], anyEntries: 0, problems };
  const entryIds: string[] = [];
  for (const field of qa(root, S.fields)) {
    for (const topic of qa(field, S.topics)) {
      for (const article of qa(topic, S.entries)) entryIds.push(article.getAttribute(A.entryId) ?? '');
    }
  }
  for (const part of [S.cover, S.changes, S.toc]) if (qa(root, part).length !== 1) problems.push(`the page has no single ${part}`);
  return {
    root: Object.fromEntries(arg.rootAttrs.map((a) => [a, root.getAttribute(a)])),
    entryIds,
    anyEntries: (Document.prototype.querySelectorAll.call(document, S.anyEntry) as NodeListOf<Element>).length,
    problems,
  };
}

/** Adds the printer's margin-font stylesheet (served from the site's origin) and waits for its faces. */
export async function loadMarginFont(arg: { href: string; family: string; sample: string }): Promise<void> {
  const link = Document.prototype.createElement.call(document, 'link') as HTMLLinkElement;
  link.rel = 'stylesheet';
  link.href = arg.href;
  const loaded = new Promise<void>((resolve, reject) => {
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => reject(new Error(`could not load ${arg.href}`)));
  });
  (Document.prototype.querySelector.call(document, 'head') as HTMLElement).append(link);
  await loaded;
  const fonts = Object.getOwnPropertyDescriptor(Document.prototype, 'fonts')!.get!.call(document) as FontFaceSet;
  await Promise.all([...fonts].map((f) => f.load().catch(() => undefined)));
  await fonts.load(`10px '${arg.family}'`, arg.sample);
  await fonts.ready;
}

export interface ChangeItemView {
  text: string;
  note: string;
  /** Anchor of an entry printed in this handbook. */
  target?: string;
  replacedBy?: { text: string; target?: string; href?: string };
}
export interface ChangesView {
  title: string;
  none: string;
  replacedBy: string;
  groups: { heading: string; items: ChangeItemView[] }[];
}
export interface ApplyPayload {
  ROOT: string;
  S: Selectors;
  A: Attributes;
  /** Entry ids to keep; null keeps all. */
  keep: string[] | null;
  /** Owners of the kept entries (cover list). */
  owners: string[];
  /** What every printed entry shows from the build's data, by id. */
  entries: Record<string, { question: string; qr: string; url: string }>;
  printDate: string;
  printDateIso: string;
  filterLine: string | null;
  countText: string;
  changes: ChangesView | null;
}

/** Applies the filters, the print date, the change page and the build data; returns the entries left. */
export function applyHandbook(p: ApplyPayload): number {
  const { S, A } = p;
  const qa = (el: ParentNode, sel: string) => [...Element.prototype.querySelectorAll.call(el, sel)] as HTMLElement[];
  const q1 = (el: ParentNode, sel: string) => Element.prototype.querySelector.call(el, sel) as HTMLElement | null;
  const make = (tag: string, cls?: string, text?: string) => {
    const el = Document.prototype.createElement.call(document, tag) as HTMLElement;
    if (cls) el.className = cls;
    if (text !== undefined) el.textContent = text;
    return el;
  };
  const root = Document.prototype.querySelector.call(document, p.ROOT) as HTMLElement;
  const cover = q1(root, S.cover)!;
  const toc = q1(root, S.toc)!;
  const fields = () => qa(root, S.fields);
  const topics = () => fields().flatMap((f) => qa(f, S.topics));
  const articles = () => topics().flatMap((t) => qa(t, S.entries));

  for (const el of [...qa(cover, S.coverPrintDate), ...articles().flatMap((a) => qa(a, S.entryPrintDate))]) {
    el.textContent = p.printDate;
    el.setAttribute('datetime', p.printDateIso);
  }
  if (p.keep) {
    const keep = new Set(p.keep);
    for (const el of articles()) if (!keep.has(el.getAttribute(A.entryId)!)) el.remove();
    for (const el of qa(toc, S.tocEntry)) if (!keep.has(el.getAttribute(A.tocEntry)!)) el.remove();
    for (const el of topics()) if (qa(el, S.entries).length === 0) el.remove();
    for (const el of fields()) if (qa(el, S.topics).length === 0) el.remove();
    for (const el of [...qa(toc, S.tocGroup), ...qa(toc, S.tocField)]) if (!q1(el, S.tocEntry)) el.remove();
    const owners = new Set(p.owners);
    for (const el of qa(cover, S.owner)) if (!owners.has(el.getAttribute(A.owner)!)) el.remove();
  }
  // Question, URL and QR code of every printed entry come from the build's data, not from the page.
  for (const el of articles()) {
    const data = p.entries[el.getAttribute(A.entryId)!];
    if (!data) throw new Error(`entry ${el.getAttribute(A.entryId)} is not in the build's data`);
    const question = q1(el, S.question);
    const qr = q1(el, S.qr);
    if (!question || !qr) throw new Error(`entry ${el.getAttribute(A.entryId)} lacks its question or QR code`);
    question.textContent = data.question;
    qr.innerHTML = data.qr;
    qr.append(make('span', 'hb-url', data.url));
  }
  const remaining = articles().length;
  const count = q1(cover, S.count);
  if (count) count.textContent = p.countText;
  const empty = q1(toc, S.empty);
  if (empty) empty.hidden = remaining > 0;
  const filter = q1(cover, S.filter);
  if (filter && p.filterLine) {
    filter.textContent = p.filterLine;
    filter.hidden = false;
  }

  const box = q1(root, S.changes);
  if (box && p.changes) {
    const pageSlot = (target: string) => {
      const slot = make('span', 'hb-toc-pg');
      slot.setAttribute(A.tocPage, target);
      return slot;
    };
    box.replaceChildren(make('h2', undefined, p.changes.title));
    for (const g of p.changes.groups) {
      box.append(make('h3', undefined, `${g.heading} (${g.items.length})`));
      if (g.items.length === 0) {
        box.append(make('p', undefined, p.changes.none));
        continue;
      }
      const list = make('ol', 'hb-toc-list');
      for (const item of g.items) {
        const li = make('li');
        const label = make('span', 'hb-toc-label', item.text);
        if (item.note) label.append(' ', make('span', 'hb-change-note', `(${item.note})`));
        let row: HTMLElement;
        let target = item.target;
        if (item.target) {
          row = make('a', 'hb-toc-link');
          row.setAttribute('href', `#${item.target}`);
        } else {
          row = make('div', 'hb-toc-link');
        }
        if (item.replacedBy) {
          const to = make('a', undefined, item.replacedBy.text);
          const href = item.replacedBy.target ? `#${item.replacedBy.target}` : item.replacedBy.href;
          if (href) to.setAttribute('href', href);
          label.append(' ', make('span', 'hb-change-note', `— ${p.changes.replacedBy}`), ' ', to);
          target = item.replacedBy.target;
        }
        row.append(label);
        if (target) row.append(pageSlot(target));
        li.append(row);
        list.append(li);
      }
      box.append(list);
    }
    box.hidden = false;
  }

  // Links to other pages of the site point at the public site, not at this temporary server.
  const site = root.getAttribute('data-hb-site')!;
  const basePath = root.getAttribute('data-hb-base') ?? '/';
  for (const a of qa(root, 'a[href]')) {
    const raw = a.getAttribute('href')!;
    if (raw.startsWith('#')) continue;
    const url = new URL(raw, location.href);
    if (url.origin !== location.origin) continue;
    const rest = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname.replace(/^\//, '');
    a.setAttribute('href', `${site}${rest}${url.search}${url.hash}`);
    a.classList.add('hb-internal');
  }
  return remaining;
}

/** Targets of the page-number slots of the table of contents and the change page, in page order. */
export function pageSlotTargets(arg: { ROOT: string; S: Selectors; A: Attributes }): string[] {
  const root = Document.prototype.querySelector.call(document, arg.ROOT) as HTMLElement;
  const qa = (el: ParentNode, sel: string) => [...Element.prototype.querySelectorAll.call(el, sel)] as HTMLElement[];
  const slots = [arg.S.toc, arg.S.changes].flatMap((part) => qa(root, part).flatMap((el) => qa(el, arg.S.pageSlot)));
  return [...new Set(slots.map((el) => el.getAttribute(arg.A.tocPage)!))];
}

export function setPageNumbers(arg: { ROOT: string; S: Selectors; A: Attributes; digits: number; pages: Record<string, number> | null }): void {
  const root = Document.prototype.querySelector.call(document, arg.ROOT) as HTMLElement;
  const qa = (el: ParentNode, sel: string) => [...Element.prototype.querySelectorAll.call(el, sel)] as HTMLElement[];
  // CSSOM, not a style attribute: allowed under the site's CSP.
  root.style.setProperty('--hb-pg-digits', String(arg.digits));
  for (const el of [arg.S.toc, arg.S.changes].flatMap((part) => qa(root, part).flatMap((p) => qa(p, arg.S.pageSlot)))) {
    el.textContent = arg.pages ? String(arg.pages[el.getAttribute(arg.A.tocPage)!] ?? '') : '0'.repeat(arg.digits);
  }
}
