// The search vocabulary of a content root's published entries (word statistics, terms, question words)
// and its synonyms: written to search/vocabulary.json for the site's own search page and published at
// data/vocabulary.json for federated banks (src/data/bank-info.ts). One definition, so both agree.
import { entryText } from './entry-text.ts';
import type { ContentModel } from './model.ts';
import { buildSearchVocabulary, type VocabularyData } from '../search/vocabulary.ts';

// The site's build asks twice in one process (the data/vocabulary.json route, then the search index's
// hook): build it once per model. The pages' bundle has its own copy of this module, so the memo is
// kept on globalThis (under a registered symbol), as the model itself is (kept-model.ts).
const KEY = Symbol.for('hoidap.searchVocabulary');
const store = globalThis as typeof globalThis & { [KEY]?: WeakMap<ContentModel, VocabularyData> };
const built = (store[KEY] ??= new WeakMap());

export function searchVocabularyOf(model: ContentModel): VocabularyData {
  let vocabulary = built.get(model);
  if (!vocabulary) {
    vocabulary = buildOf(model);
    built.set(model, vocabulary);
  }
  return vocabulary;
}

function buildOf(model: ContentModel): VocabularyData {
  const published = model.entries.filter((e) => e.data.status === 'published');
  return buildSearchVocabulary(
    published.map((e) => ({ text: entryText(e.data, e.body), head: [e.data.question, ...(e.data.aliases ?? [])].join('\n') })),
    model.synonyms,
  );
}
