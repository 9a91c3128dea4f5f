// The bank-wide search data of a content root's published entries: the search vocabulary (word
// statistics, terms, question words: search/vocabulary.json for the site's own search page, and
// data/vocabulary.json with the synonyms for federated banks), the first-stage index (search/first/)
// and each entry page's hidden search terms (src/search/terms.ts). One definition, so the pages, the
// export and the indexes agree.
//
// A build asks for each part more than once in one process (the vocabulary in the data/vocabulary.json
// route and the search index's hook, the terms on every entry page): each is built once per model. A build of a one-shard bank builds it in a worker thread started
// as soon as the content guard has read the bank (src/integrations/search-data-thread.ts), on a core
// Astro leaves idle while it syncs the content layer and bundles the pages. The pages' bundle has its
// own copy of this module, so the results are kept on globalThis (under a registered symbol), as the
// model itself is (kept-model.ts).
import { entryText } from './entry-text.ts';
import { buildDate, formatDateVi } from './dates.ts';
import type { ContentModel } from './model.ts';
import { reviewDue, reviewState } from '../review/clock.ts';
import { buildSearchVocabulary, type VocabularyData } from '../search/vocabulary.ts';
import { buildFirstStageIndex, type FirstStageEntry, type FirstStageIndex } from '../search/first-stage-index.ts';
import { prepareSynonyms, searchTerms } from '../search/terms.ts';

export interface SearchData {
  vocabulary: VocabularyData;
  firstStage: FirstStageIndex;
  /** Entry id → the hidden search terms of its page. */
  terms: Map<string, string>;
}

/** What the search data is built from: plain data, so a worker thread can be given it. */
export interface SearchDataInput {
  /** Each published entry's id, full text, question with its aliases, and field name. */
  texts: { id: string; text: string; head: string; field: string }[];
  firstStage: FirstStageEntry[];
  synonyms: string[][];
}

export function searchDataInput(model: ContentModel): SearchDataInput {
  return { texts: publishedTexts(model), firstStage: firstStageEntries(model), synonyms: model.synonyms };
}

export function buildSearchData(input: SearchDataInput): SearchData {
  return {
    vocabulary: buildSearchVocabulary(input.texts, input.synonyms),
    firstStage: buildFirstStageIndex(input.firstStage, prepareSynonyms(input.synonyms)),
    terms: pageTerms(input.texts, input.synonyms),
  };
}

function publishedTexts(model: ContentModel): SearchDataInput['texts'] {
  return model.entries
    .filter((e) => e.data.status === 'published')
    .map((e) => ({
      id: e.id,
      text: entryText(e.data, e.body),
      head: [e.data.question, ...(e.data.aliases ?? [])].join('\n'),
      field: model.fields.get(e.data.field)?.data.name ?? e.data.field,
    }));
}

/** The hidden terms of each entry page: from the entry's text with its field's name, as the page shows it. */
function pageTerms(texts: SearchDataInput['texts'], synonyms: string[][]): Map<string, string> {
  const prepared = prepareSynonyms(synonyms);
  return new Map(texts.map((t) => [t.id, searchTerms(`${t.text}\n${t.field}`, prepared)]));
}

/** The first-stage builder's input for the published entries of a content model. */
export function firstStageEntries(model: ContentModel): FirstStageEntry[] {
  // The review state as the entry page shows it (src/data/site.ts, which needs Astro's runtime).
  const today = buildDate();
  const out: FirstStageEntry[] = [];
  for (const e of model.entries) {
    const d = e.data;
    if (d.status !== 'published') continue;
    const field = model.fields.get(d.field)?.data;
    // Cited documents by number only, as on the entry page's index (src/components/LegalBasis.astro).
    const documents = (d.legal_basis ?? []).map((item) => item.document ?? (item.ref ? (model.documents.get(item.ref)?.data.number ?? item.ref) : ''));
    out.push({
      id: e.id,
      question: d.question,
      aliases: d.aliases ?? [],
      summary: d.summary,
      other: [...(d.tags ?? []), ...documents].filter(Boolean),
      field: d.field,
      owner: d.owner,
      display: {
        field: field?.name ?? d.field,
        owner: model.units.get(d.owner)?.data.name ?? d.owner,
        reviewed: formatDateVi(d.reviewed),
        overdue: reviewState(reviewDue(d, field), today) === 'overdue',
      },
    });
  }
  return out;
}

// Without a worker, each part is built on its first request: the vocabulary and the pages' terms
// together (from one reading of the entries' text), the first-stage index only in `astro:build:done`,
// so a large bank's build does not hold it through the static generation.
type FromText = Pick<SearchData, 'vocabulary' | 'terms'>;
interface Parts {
  fromText?: Promise<FromText>;
  firstStage?: Promise<FirstStageIndex>;
}
const KEY = Symbol.for('hoidap.searchData');
const store = globalThis as typeof globalThis & { [KEY]?: WeakMap<ContentModel, Parts> };
const built = (store[KEY] ??= new WeakMap());
const partsOf = (model: ContentModel): Parts => {
  let parts = built.get(model);
  if (!parts) built.set(model, (parts = {}));
  return parts;
};

/** Hands in the search data of `model` being built elsewhere (a worker thread). */
export function provideSearchData(model: ContentModel, data: Promise<SearchData>): void {
  const quiet = <T>(p: Promise<T>) => {
    // Awaited later (or never, when the build stops first): not an unhandled rejection meanwhile.
    p.catch(() => undefined);
    return p;
  };
  built.set(model, { fromText: quiet(data), firstStage: quiet(data.then((d) => d.firstStage)) });
}

function fromTextOf(model: ContentModel): Promise<FromText> {
  const parts = partsOf(model);
  return (parts.fromText ??= Promise.resolve().then(() => {
    const texts = publishedTexts(model);
    return { vocabulary: buildSearchVocabulary(texts, model.synonyms), terms: pageTerms(texts, model.synonyms) };
  }));
}

/** The search vocabulary of `model`'s published entries. */
export async function searchVocabularyOf(model: ContentModel): Promise<VocabularyData> {
  return (await fromTextOf(model)).vocabulary;
}

/** The first-stage index of `model`'s published entries. */
export function firstStageIndexOf(model: ContentModel): Promise<FirstStageIndex> {
  const parts = partsOf(model);
  return (parts.firstStage ??= Promise.resolve().then(() => buildFirstStageIndex(firstStageEntries(model), prepareSynonyms(model.synonyms))));
}

/** The hidden search terms of an entry page (a published entry of `model`). */
export async function pageSearchTerms(model: ContentModel, id: string): Promise<string> {
  const found = (await fromTextOf(model)).terms.get(id);
  if (found === undefined) throw new Error(`no search terms for entry "${id}": it is not a published entry of this build's content model`);
  return found;
}
