// A bank indexed in shards (src/search/shards.ts): the sample content built with shards of at most 12
// entries, searched with the page's own code in Node (the shards merged as the search page merges them).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { relevanceReport } from '../helpers/relevance.ts';
import { nodeSearch } from '../helpers/pagefind-node.ts';
import { decodeEntities, readPage } from '../helpers/html.ts';
import type { SearchShard } from '../../src/search/shards.ts';

const sites = inject('sites');
const site = sites.sharded;
const shards = JSON.parse(decodeEntities(/data-shards="([^"]*)"/.exec(readPage(site, 'tim-kiem/index.html'))![1])) as SearchShard[];
const published = (JSON.parse(readPage(site, 'data/entries.json')) as { entries: { id: string; field: string; status: string }[] }).entries.filter(
  (e) => e.status === 'published',
);
const pageCount = (dir: string) => {
  const entry = JSON.parse(fs.readFileSync(path.join(site, dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
};

describe('the search index in shards', () => {
  it('writes one Pagefind bundle per shard, each holding exactly the published entries of its fields', () => {
    expect(shards.length).toBeGreaterThanOrEqual(3);
    expect(shards[0].dir).toBe('pagefind/');
    const fields = shards.flatMap((s) => s.fields);
    expect(new Set(fields).size, 'a field in two shards').toBe(fields.length);
    expect(new Set(fields)).toEqual(new Set(published.map((e) => e.field)));
    for (const s of shards) {
      const expected = published.filter((e) => s.fields.includes(e.field)).length;
      expect(pageCount(s.dir), s.dir).toBe(expected);
      expect(expected, s.dir).toBeLessThanOrEqual(12);
    }
    const onDisk = fs.readdirSync(path.join(site, 'pagefind')).filter((f) => f.startsWith('shard-'));
    expect(onDisk.map((f) => `pagefind/${f}/`).sort()).toEqual(shards.slice(1).map((s) => s.dir).sort());
    // Pagefind's bundled UIs are not shipped from any shard; no temporary shard folder is left beside the site.
    for (const s of shards) expect(fs.readdirSync(path.join(site, s.dir)).filter((f) => /^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f))).toEqual([]);
    expect(fs.readdirSync(path.dirname(site)).filter((f) => f.startsWith('.hoidap-search-shard-'))).toEqual([]);
  });

  it('tells partner banks where its shards are (data/site.json)', () => {
    const info = JSON.parse(readPage(site, 'data/site.json')) as { searchShards: string[] };
    expect(info.searchShards).toEqual(shards.map((s) => s.dir));
  });

  it('precaches every shard’s runtime for offline search', () => {
    const worker = readPage(site, 'sw.js');
    for (const s of shards) expect(worker, s.dir).toContain(`${s.dir}pagefind.js`);
  });

  it('answers the sample query set with the shards merged, as well as the relevance floor asks', async () => {
    const report = await relevanceReport(site, path.join(import.meta.dirname, 'queries.json'));
    const misses = report.outcomes.filter((o) => o.rank === 0 || o.rank > 3).map((o) => `[${o.kind}] ${o.q} → ${o.results.slice(0, 3).join(', ')}`);
    expect(report.overall.recall3, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(report.overall.recall1).toBeGreaterThanOrEqual(0.9);
    expect(report.outcomes.filter((o) => o.kind === 'nonsense' && o.results.length > 0)).toEqual([]);
  });

  it('finds entries of every shard, and only the filtered field’s entries under a field filter', async () => {
    const search = await nodeSearch(site);
    const fieldOf = new Map(published.map((e) => [e.id, e.field]));
    for (const s of shards) {
      const field = s.fields[0];
      const ids = await search.ids('xã', { field });
      expect(ids.length, field).toBeGreaterThan(0);
      expect(ids.every((id) => fieldOf.get(id) === field), `${field}: ${ids.join(', ')}`).toBe(true);
    }
  });
});
