// The bank-wide search data (src/content/search-data.ts): built once per model, and built the same in
// the worker thread a build starts (src/integrations/search-data-thread.ts) as in the process itself.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentRoot } from '../../src/content/read-root.ts';
import { buildSearchData, firstStageIndexOf, pageSearchTerms, provideSearchData, searchDataInput, searchVocabularyOf } from '../../src/content/search-data.ts';
import { entryText } from '../../src/content/entry-text.ts';
import { prepareSynonyms, searchTerms } from '../../src/search/terms.ts';
import type { ContentModel } from '../../src/content/model.ts';
import { startSearchDataThread } from '../../src/integrations/search-data-thread.ts';
import { FIXTURE_TODAY } from '../helpers/fixture-root.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../content');
const sample = () => readContentRoot(SAMPLE, FIXTURE_TODAY).model;

describe('the search data', () => {
  it('is built once per model, and holds only the published entries', async () => {
    const model = sample();
    const [vocabulary, firstStage] = await Promise.all([searchVocabularyOf(model), firstStageIndexOf(model)]);
    expect(await searchVocabularyOf(model)).toBe(vocabulary);
    expect(await firstStageIndexOf(model)).toBe(firstStage);
    const published = model.entries.filter((e) => e.data.status === 'published');
    expect(vocabulary.docs).toBe(published.length);
    expect(firstStage.buckets.flat().map((row) => row[0]).sort()).toEqual(published.map((e) => e.id).sort());
  });

  it("gives each entry page the terms of the entry's text with its field's name, and refuses another id", async () => {
    const model = sample();
    const synonyms = prepareSynonyms(model.synonyms);
    const published = model.entries.filter((e) => e.data.status === 'published');
    for (const e of published) {
      const expected = searchTerms(entryText(e.data, e.body, [model.fields.get(e.data.field)!.data.name]), synonyms);
      expect(await pageSearchTerms(model, e.id), e.id).toBe(expected);
    }
    expect(published.some((e) => /\S/.test(searchTerms(entryText(e.data, e.body), synonyms)))).toBe(true);
    const draft = model.entries.find((e) => e.data.status !== 'published');
    await expect(pageSearchTerms(model, draft?.id ?? 'khong-co')).rejects.toThrow(/not a published entry/);
  });

  it('is what was provided for the model, when something provided it', async () => {
    const model = sample();
    const provided = buildSearchData(searchDataInput(sample()));
    provided.vocabulary.docs = -1; // marked, to tell it from one built here
    provideSearchData(model, Promise.resolve(provided));
    expect((await searchVocabularyOf(model)).docs).toBe(-1);
    expect(await firstStageIndexOf(model)).toBe(provided.firstStage);
  });

  it('comes out of the worker thread exactly as built in the process', async () => {
    const model = sample();
    startSearchDataThread(model);
    const expected = buildSearchData(searchDataInput(model));
    expect(await searchVocabularyOf(model)).toEqual(expected.vocabulary);
    expect(await firstStageIndexOf(model)).toEqual(expected.firstStage);
    for (const [id, terms] of expected.terms) expect(await pageSearchTerms(model, id)).toBe(terms);
  });

  it('fails with the reason when the worker cannot build it', async () => {
    const model = sample();
    // Every entry twice: the first-stage builder refuses an id it has already indexed.
    const twice = { ...model, entries: [...model.entries, ...model.entries] } as ContentModel;
    startSearchDataThread(twice);
    await expect(searchVocabularyOf(twice)).rejects.toThrow(/building the search data failed: .*appears twice/);
    await expect(firstStageIndexOf(twice)).rejects.toThrow(/appears twice/);
  });
});
