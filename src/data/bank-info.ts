// What this bank publishes for the banks that search it together with their own (docs/federation.md):
// data/site.json (name, base URL, field and unit labels, build time, content version) and
// data/vocabulary.json (the search vocabulary and synonym groups, so partners' query preparation
// knows this bank's words). Both come from the one content model.
import crypto from 'node:crypto';
import { contentModel } from './content.ts';
import { loadSite } from './site.ts';
import { entryText } from '../content/entry-text.ts';
import { absoluteUrl } from '../publish/urls.ts';
import { searchVocabularyOf } from '../content/search-data.ts';
import { bankName, siteUrl } from '../site.config.ts';
import type { SiteInfo, VocabularyData } from '../search/federation.ts';
import { searchShards } from '../search/shard-options.ts';

/** Published entries in id order, with the text search and the content version read. */
function published() {
  return contentModel()
    .entries.filter((e) => e.data.status === 'published')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function siteInfo(base: string): Promise<SiteInfo> {
  const site = await loadSite();
  const hash = crypto.createHash('sha256');
  for (const e of published()) hash.update(`${e.id}\0${entryText(e.data, e.body)}\0`);
  return {
    name: bankName(),
    baseUrl: absoluteUrl(siteUrl(), base, ''),
    fields: site.fieldOrder.map((id) => ({ id, name: site.fields.get(id)!.name })),
    units: [...site.units.entries()].map(([id, u]) => ({ id, name: u.name, level: u.level })),
    builtAt: new Date().toISOString(),
    contentVersion: `sha256-${hash.digest('hex').slice(0, 32)}`,
    searchShards: searchShards(contentModel().entries).map((s) => s.dir),
  };
}

/** The same vocabulary as the bank's own search/vocabulary.json, plus its synonyms. */
export async function vocabularyData(): Promise<VocabularyData> {
  const model = contentModel();
  return { ...(await searchVocabularyOf(model)), synonyms: model.synonyms };
}
