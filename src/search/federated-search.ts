// The search page's side of federation (browser only): merges partner banks' Pagefind indexes into
// the local one, labels each result with its bank, adds other banks' filter values, and widens the
// query vocabulary with theirs. Every partner is best effort: one that does not answer is left out
// and named in a quiet status note, and the local search works as before.
import {
  PARTNER_INDEX_WEIGHT,
  SITE_INFO_FILE,
  VOCABULARY_DATA_FILE,
  extraFilterOptions,
  partnerLabel,
  partnerOf,
  partnerShardDirs,
  type Partner,
  type SiteInfo,
  type VocabularyData,
} from './federation.ts';
import { mergeVocabularies, parseVocabulary, type Vocabulary } from './vocabulary.ts';

/** How long a partner may take to answer before the search goes on without it. */
const PARTNER_TIMEOUT_MS = 4000;

export interface PagefindMerge {
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
}

async function fetchJson<T>(url: string): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PARTNER_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal: controller.signal, credentials: 'omit', mode: 'cors' });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return (await response.json()) as T;
  } finally {
    clearTimeout(timer);
  }
}

export interface Federation {
  /** True when this site names partners. */
  active: boolean;
  /** Resolves once partners' filter values are in the selects (at once without partners). */
  filtersReady: Promise<void>;
  /** Merges every partner that answers into the Pagefind instance; the others go to the note. */
  attach(pagefind: unknown): Promise<void>;
  /** The local vocabulary widened with every reachable partner's. */
  widenVocabulary(local: Vocabulary): Promise<Vocabulary>;
  /** Adds the bank's label to a rendered result. */
  label(meta: HTMLElement, link: HTMLAnchorElement, url: string): void;
}

export function startFederation(root: HTMLElement, selects: Record<'field' | 'owner' | 'level', HTMLSelectElement>): Federation {
  const partners = JSON.parse(root.dataset.federate ?? '[]') as Partner[];
  const note = root.querySelector<HTMLElement>('[data-search-federation]');
  const noteText = root.dataset.federationNote ?? '{banks}';
  const localName = root.dataset.bankName ?? '';
  const labels = new Map(partners.map((p) => [p.base, partnerLabel(p)]));
  const silent = new Set<string>();
  const showNote = () => {
    if (!note) return;
    note.textContent = silent.size ? noteText.replace('{banks}', [...silent].join(', ')) : '';
    note.hidden = silent.size === 0;
  };
  const unreachable = (p: Partner) => {
    silent.add(labels.get(p.base)!);
    showNote();
  };

  const infos = Promise.all(
    partners.map((p) =>
      fetchJson<SiteInfo>(`${p.base}${SITE_INFO_FILE}`).then(
        (info) => {
          labels.set(p.base, partnerLabel(p, info));
          return { label: partnerLabel(p, info), info };
        },
        () => undefined,
      ),
    ),
  );
  const filtersReady = partners.length
    ? infos.then((found) => {
        const known = (name: 'field' | 'owner' | 'level') => new Set([...selects[name].options].map((o) => o.value));
        const extra = extraFilterOptions({ field: known('field'), owner: known('owner'), level: known('level') }, found.filter((f) => f !== undefined));
        for (const name of ['field', 'owner'] as const) {
          for (const o of extra[name]) selects[name].append(new Option(o.text, o.value));
        }
      })
    : Promise.resolve();

  return {
    active: partners.length > 0,
    filtersReady,
    async attach(pagefind) {
      const pf = pagefind as PagefindMerge;
      await Promise.all(
        partners.map(async (p) => {
          try {
            // Probe first: a partner that is down must not break the merged search.
            await fetchJson(`${p.base}pagefind/pagefind-entry.json`);
            const info = (await infos)[partners.indexOf(p)]?.info;
            for (const dir of partnerShardDirs(info)) {
              await pf.mergeIndex(`${p.base}${dir}`, { baseUrl: p.base, indexWeight: PARTNER_INDEX_WEIGHT });
            }
          } catch (err) {
            console.warn(`search: bank ${p.base} did not answer`, err);
            unreachable(p);
          }
        }),
      );
    },
    async widenVocabulary(local) {
      if (!partners.length) return local;
      const theirs = await Promise.all(
        partners.map((p) =>
          fetchJson<VocabularyData>(`${p.base}${VOCABULARY_DATA_FILE}`).then(
            (v) => (Array.isArray(v?.words) && Array.isArray(v.df) ? [parseVocabulary(v)] : []),
            () => [],
          ),
        ),
      );
      return mergeVocabularies(local, theirs.flat());
    },
    label(meta, link, url) {
      if (!partners.length) return;
      const partner = partnerOf(url, partners);
      // A partner's index chooses its URLs: one pointing outside every known bank is not followed.
      if (!partner && /^(https?:)?\/\//i.test(url) && !url.startsWith(location.origin)) link.removeAttribute('href');
      const span = document.createElement('span');
      span.className = 'entry-bank';
      span.textContent = partner ? labels.get(partner.base)! : localName;
      link.dataset.bank = partner ? partner.base : '';
      meta.prepend(span);
    },
  };
}
