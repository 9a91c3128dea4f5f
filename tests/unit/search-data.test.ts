// The bank-wide search data (src/content/search-data.ts): built once per model, and built the same in
// the worker thread a build starts (src/integrations/search-data-thread.ts) as in the process itself.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentRoot } from '../../src/content/read-root.ts';
import { buildSearchData, provideSearchData, searchDataInput, searchDataOf } from '../../src/content/search-data.ts';
import type { ContentModel } from '../../src/content/model.ts';
import { startSearchDataThread } from '../../src/integrations/search-data-thread.ts';
import { FIXTURE_TODAY } from '../helpers/fixture-root.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../content');
const sample = () => readContentRoot(SAMPLE, FIXTURE_TODAY).model;

describe('the search data', () => {
  it('is built once per model, and holds only the published entries', async () => {
    const model = sample();
    const first = searchDataOf(model);
    expect(searchDataOf(model)).toBe(first);
    const { vocabulary, firstStage } = await first;
    const published = model.entries.filter((e) => e.data.status === 'published');
    expect(vocabulary.docs).toBe(published.length);
    expect(firstStage.buckets.flat().map((row) => row[0]).sort()).toEqual(published.map((e) => e.id).sort());
  });

  it('is what was provided for the model, when something provided it', async () => {
    const model = sample();
    const provided = Promise.resolve(buildSearchData(searchDataInput(sample())));
    provideSearchData(model, provided);
    expect(searchDataOf(model)).toBe(provided);
  });

  it('comes out of the worker thread exactly as built in the process', async () => {
    const model = sample();
    startSearchDataThread(model);
    expect(await searchDataOf(model)).toEqual(buildSearchData(searchDataInput(model)));
  });

  it('fails with the reason when the worker cannot build it', async () => {
    const model = sample();
    // Every entry twice: the first-stage builder refuses an id it has already indexed.
    const twice = { ...model, entries: [...model.entries, ...model.entries] } as ContentModel;
    startSearchDataThread(twice);
    await expect(searchDataOf(twice)).rejects.toThrow(/building the search data failed: .*appears twice/);
  });
});
