// What this bank publishes for the banks that search it together with their own (docs/federation.md):
// data/site.json (name, base URL, field and unit labels, build time, content version) and
// data/vocabulary.json (the search vocabulary and synonym groups, so partners' query preparation
// knows this bank's words).
import { getCollection } from 'astro:content';
import crypto from 'node:crypto';
import { flattenEntry, loadSite } from './site.ts';
import { entryText } from '../lib/entry-text.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { buildVocabulary } from '../lib/vocabulary.ts';
import { bankName, siteUrl } from '../site.config.ts';
import { loadSynonyms } from '../lib/load-content.ts';
import { contentRoot } from '../lib/content-root.ts';
import type { SiteInfo, VocabularyData } from '../search/federation.ts';

async function publishedTexts(): Promise<{ id: string; text: string }[]> {
  const entries = (await getCollection('entries')).map((e) => ({ e, data: flattenEntry(e) }));
  return entries
    .filter(({ data }) => data.status === 'published')
    .map(({ e, data }) => ({ id: e.id, text: entryText(data, e.body ?? '') }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function siteInfo(base: string): Promise<SiteInfo> {
  const site = await loadSite();
  const hash = crypto.createHash('sha256');
  for (const { id, text } of await publishedTexts()) hash.update(`${id}\0${text}\0`);
  return {
    name: bankName(),
    baseUrl: absoluteUrl(siteUrl(), base, ''),
    fields: site.fieldOrder.map((id) => ({ id, name: site.fields.get(id)!.name })),
    units: [...site.units.entries()].map(([id, u]) => ({ id, name: u.name, level: u.level })),
    builtAt: new Date().toISOString(),
    contentVersion: `sha256-${hash.digest('hex').slice(0, 32)}`,
  };
}

export async function vocabularyData(): Promise<VocabularyData> {
  const synonyms = loadSynonyms(contentRoot());
  return { words: buildVocabulary([...(await publishedTexts()).map((t) => t.text), ...synonyms.map((g) => g.join(' '))]), synonyms };
}
