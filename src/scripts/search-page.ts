// Client side of /tim-kiem/: runs the query and filters in the URL in two stages (src/search/two-stage.ts:
// the small first-stage index, then Pagefind's full text when the first stage cannot answer or the
// reader asks for it with the "search the full text too" button), renders results
// with DOM APIs (never innerHTML: result text comes from content files), keeps the URL in step so a
// result list can be shared and back/forward work. Results the engine is not confident about are no
// answers: they are listed as "possibly related" outside [data-search-results], and the page offers
// to ask the question.
import { highlightParts } from '../search/highlight.ts';
import { paths, withBase } from '../publish/urls.ts';
import { type Pagefind, type PagefindResult, type ResultData } from '../search/engine.ts';
import { firstStageSearch } from '../search/first-stage-search.ts';
import { searchInStages } from '../search/two-stage.ts';
import { parseVocabulary, type Vocabulary } from '../search/vocabulary.ts';
import { startFederation, type PagefindMerge } from '../search/federated-search.ts';
import { MAIN_SHARD_DIR, shardsToLoad, type SearchShard } from '../search/shards.ts';

const PAGE_SIZE = 10;
/** Possibly related entries shown when no answer matched. */
const RELATED = 5;
const FILTERS = ['field', 'owner', 'level'] as const;
type FilterName = (typeof FILTERS)[number];

interface State {
  q: string;
  field: string;
  owner: string;
  level: string;
}


export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const base = root.dataset.base ?? '/';
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const selects = Object.fromEntries(FILTERS.map((f) => [f, form.querySelector<HTMLSelectElement>(`select[name="${f}"]`)!])) as Record<FilterName, HTMLSelectElement>;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const empty = root.querySelector<HTMLElement>('[data-search-empty]')!;
  const ask = root.querySelector<HTMLAnchorElement>('[data-search-ask]')!;
  const askQuestion = root.querySelector<HTMLAnchorElement>('[data-search-ask-question]')!;
  const unit = root.querySelector<HTMLElement>('[data-search-unit]')!;
  const related = root.querySelector<HTMLElement>('[data-search-related]')!;
  const relatedList = related.querySelector<HTMLOListElement>('[data-search-related-list]')!;
  const fullTextButton = root.querySelector<HTMLButtonElement>('[data-search-fulltext]')!;
  // Federation (src/search/): partner banks' indexes, labels, filter values and vocabulary.
  const federation = startFederation(root, selects);

  const shards = JSON.parse(root.dataset.shards ?? '[]') as SearchShard[];
  // One Pagefind instance per set of shards loaded: all of them, or a filtered field's.
  const instances = new Map<string, Promise<Pagefind>>();
  let vocabulary: Promise<Vocabulary | undefined> | undefined;
  let generation = 0;
  let pending: PagefindResult[] = [];
  let words: string[] = [];

  // A large bank's index is in shards (src/search/shards.ts): a field filter loads only that field's,
  // else the first shard is loaded and the others merged into it, as partner banks are.
  const loadPagefind = (field?: string) => {
    const load = shards.length ? shardsToLoad(shards, field) : [{ dir: MAIN_SHARD_DIR, fields: [] }];
    const key = load.map((s) => s.dir).join(' ');
    let pf = instances.get(key);
    if (!pf) {
      pf = import(/* @vite-ignore */ `${base}${load[0].dir}pagefind.js`).then(async (instance: Pagefind & PagefindMerge) => {
        await instance.options({ baseUrl: base });
        await Promise.all(load.slice(1).map((s) => instance.mergeIndex(`${base}${s.dir}`, { baseUrl: base })));
        await federation.attach(instance);
        return instance;
      });
      instances.set(key, pf);
    }
    return pf;
  };
  const loadVocabulary = () =>
    (vocabulary ??= fetch(`${base}search/vocabulary.json`)
      .then((r) => (r.ok ? r.json() : []))
      .then((data: unknown) => federation.widenVocabulary(parseVocabulary(data)))
      .catch(() => undefined));
  // Partner banks are only in Pagefind: a federating site searches the full text at once.
  const firstStage = federation.active ? undefined : firstStageSearch({ base, vocabulary: loadVocabulary });

  const readUrl = (): State => {
    const p = new URLSearchParams(location.search);
    return { q: p.get('q') ?? '', field: p.get('field') ?? '', owner: p.get('owner') ?? '', level: p.get('level') ?? '' };
  };
  const readForm = (): State => ({ q: input.value, field: selects.field.value, owner: selects.owner.value, level: selects.level.value });
  const fillForm = (s: State) => {
    input.value = s.q;
    for (const f of FILTERS) selects[f].value = [...selects[f].options].some((o) => o.value === s[f]) ? s[f] : '';
    // Filters start open on wide screens and whenever the URL uses them.
    if (FILTERS.some((f) => selects[f].value) || matchMedia('(min-width: 48rem)').matches) {
      root.querySelector<HTMLDetailsElement>('[data-search-filters]')!.open = true;
    }
  };
  const writeUrl = (s: State, push: boolean) => {
    const p = new URLSearchParams();
    if (s.q.trim()) p.set('q', s.q.trim());
    for (const f of FILTERS) if (s[f]) p.set(f, s[f]);
    const url = `${location.pathname}${p.size ? `?${p}` : ''}`;
    if (url === `${location.pathname}${location.search}`) return;
    history[push ? 'pushState' : 'replaceState'](null, '', url);
  };

  const highlighted = (tag: 'a' | 'p', text: string) => {
    const el = document.createElement(tag);
    for (const part of highlightParts(text, words)) {
      if (part.mark) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        el.append(mark);
      } else el.append(part.text);
    }
    return el;
  };

  const renderResult = (data: ResultData) => {
    const li = document.createElement('li');
    const link = highlighted('a', data.meta.title ?? data.url) as HTMLAnchorElement;
    link.href = data.url;
    link.className = 'entry-link';
    link.dataset.entryId = data.meta.id ?? '';
    const summary = highlighted('p', data.meta.summary ?? '');
    summary.className = 'entry-summary';
    const meta = document.createElement('p');
    meta.className = 'entry-meta';
    for (const text of [data.meta.field, data.meta.owner, data.meta.reviewed && `${strings.reviewed}: ${data.meta.reviewed}`]) {
      if (!text) continue;
      const span = document.createElement('span');
      span.textContent = text;
      meta.append(span);
    }
    if (data.meta.overdue === '1') {
      const badge = document.createElement('span');
      badge.className = 'badge badge-warn';
      badge.textContent = strings.overdue;
      meta.append(badge);
    }
    federation.label(meta, link, data.url);
    li.append(link, summary, meta);
    return li;
  };

  const showMore = async (gen: number) => {
    const batch = pending.splice(0, PAGE_SIZE);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (gen !== generation) return;
    list.append(...data.map(renderResult));
    more.hidden = pending.length === 0;
  };
  const show = (data: ResultData[]) => {
    list.append(...data.map(renderResult));
    more.hidden = pending.length === 0;
  };

  const updateAsk = (s: State) => {
    const email = selects.owner.selectedOptions[0]?.dataset.ask || selects.field.selectedOptions[0]?.dataset.ask || root.dataset.contact;
    const params = new URLSearchParams({ subject: root.dataset.askSubject ?? '', body: s.q });
    ask.href = `mailto:${email}?${params.toString().replace(/\+/g, '%20')}`;
    askQuestion.href = withBase(base, paths.ask(s.q.trim()));
    unit.hidden = !s.owner;
    if (s.owner) unit.querySelector('a')!.href = withBase(base, paths.unit(s.owner));
  };

  /** `fullText`: the reader asked for the full text of the query shown (the button). */
  const run = async (fullText = false) => {
    const gen = ++generation;
    const s = readForm();
    const filters = Object.fromEntries(FILTERS.filter((f) => s[f]).map((f) => [f, s[f]]));
    list.dataset.state = 'loading';
    list.dataset.query = s.q;
    list.replaceChildren();
    more.hidden = true;
    fullTextButton.hidden = true;
    delete list.dataset.stage;
    empty.hidden = true;
    related.hidden = true;
    relatedList.replaceChildren();
    if (!s.q.trim() && Object.keys(filters).length === 0) {
      status.textContent = strings.prompt;
      list.dataset.state = 'done';
      return;
    }
    status.textContent = strings.loading;
    try {
      // A bank with no published entry has no index to load.
      const staged =
        root.dataset.empty === undefined
          ? await searchInStages(
              { first: firstStage, fullText: () => loadPagefind(s.field), loadVocabulary, fullTextOnly: fullText, onFirstStageError: (err) => console.warn('search: first stage unavailable, searching the full text', err) },
              s.q,
              filters,
            )
          : undefined;
      const outcome = staged?.outcome ?? { first: [], rest: [], total: 0, corrections: [], dropped: [], words: [], confident: false };
      if (gen !== generation) return;
      if (staged) list.dataset.stage = staged.stage;
      words = outcome.words;
      const corrected = outcome.corrections.length ? ` ${strings.corrected} ${outcome.corrections.map((c) => c.to).join(', ')}.` : '';
      const ignored = outcome.dropped.length ? ` ${strings.ignored} ${outcome.dropped.join(', ')}.` : '';
      const answered = outcome.confident && outcome.total > 0;
      if (answered) {
        pending = [...outcome.rest];
        show(outcome.first);
        // Answered from questions, aliases and summaries only: the bodies may hold more.
        fullTextButton.hidden = staged?.stage !== 'first';
        status.textContent = `${strings.count.replace('{n}', String(outcome.total))}.${corrected}${ignored}`;
      } else {
        pending = [];
        const maybe = outcome.first.slice(0, RELATED);
        relatedList.append(...maybe.map(renderResult));
        related.hidden = maybe.length === 0;
        const relatedText = maybe.length ? ` ${strings.related.replace('{n}', String(maybe.length))}` : '';
        const none = outcome.total === 0 ? `${strings.count.replace('{n}', '0')}. ` : '';
        status.textContent = `${none}${strings.noAnswer}${relatedText}${corrected}${ignored}`;
        updateAsk(s);
      }
      empty.hidden = answered;
      list.dataset.state = 'done';
    } catch (err) {
      if (gen !== generation) return;
      console.error(err);
      status.textContent = strings.error;
      list.dataset.state = 'error';
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      writeUrl(readForm(), false);
      void run();
    }, 120);
  });
  for (const f of FILTERS) {
    selects[f].addEventListener('change', () => {
      writeUrl(readForm(), true);
      void run();
    });
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    writeUrl(readForm(), true);
    void run();
  });
  more.addEventListener('click', () => void showMore(generation));
  fullTextButton.addEventListener('click', () => void run(true));
  window.addEventListener('popstate', () => {
    fillForm(readUrl());
    void run();
  });

  // Keyboard: "/" focuses the box; arrows move between the box and the result links.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
      input.select();
      return;
    }
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a[data-entry-id]')];
    const at = links.indexOf(target as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && (target === input || at >= 0)) {
      const next = links[at + 1];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (links[at - 1] ?? input).focus();
    } else if (event.key === 'Escape' && at >= 0) {
      input.focus();
    }
  });

  fillForm(readUrl());
  void run();
  // Partner banks' filter values arrive later: a shared URL naming one applies once they are known.
  void federation.filtersReady.then(() => {
    const s = readUrl();
    if (FILTERS.some((f) => s[f] && selects[f].value !== s[f])) {
      fillForm(s);
      void run();
    }
  });
}
