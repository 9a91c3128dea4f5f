// The search page's full-text stage over an index in shards (src/search/shards.ts), in Chromium: the
// sample content built with shards of at most 12 entries. A field filter loads only that field's
// shards; without one, every shard is merged and answers.
import { describe, expect, inject, it } from 'vitest';
import { useServedSite } from '../helpers/served-site.ts';
import { decodeEntities, readPage } from '../helpers/html.ts';
import type { SearchShard } from '../../src/search/shards.ts';

const site = inject('sites').sharded;
const shards = JSON.parse(decodeEntities(/data-shards="([^"]*)"/.exec(readPage(site, 'tim-kiem/index.html'))![1])) as SearchShard[];
const entries = (JSON.parse(readPage(site, 'data/entries.json')) as { entries: { id: string; field: string; question: string; status: string }[] }).entries.filter(
  (e) => e.status === 'published',
);
const fieldOf = new Map(entries.map((e) => [e.id, e.field]));

const env = useServedSite(site);

/**
 * Runs a search from its URL, in the full text (Pagefind: the button when the first-stage index
 * answered); returns the answers shown and every path the page requested.
 */
async function search(params: Record<string, string>): Promise<{ ids: string[]; requested: string[] }> {
  const page = await env.browser.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  try {
    await page.goto(env.served.url(`tim-kiem/?${new URLSearchParams(params)}`));
    await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
    if ((await page.getAttribute('[data-search-results]', 'data-stage')) === 'first') {
      await page.click('[data-search-fulltext]');
      await page.waitForSelector('[data-search-results][data-state="done"][data-stage="full"]', { state: 'attached' });
    }
    const ids = await page.$$eval('[data-search-results] a[data-entry-id]', (links) => links.map((a) => (a as HTMLElement).dataset.entryId!));
    return { ids, requested };
  } finally {
    await page.close();
  }
}

const shardOf = (path: string) => (/^\/pagefind\/(shard-\d+\/)?/.exec(path)?.[0] ?? '').slice(1);

describe('search over shards', () => {
  it('the sharded site has several shards', () => expect(shards.length).toBeGreaterThanOrEqual(3));

  it('a field filter loads only the shards holding that field', async () => {
    const shard = shards[shards.length - 1];
    const field = shard.fields[0];
    const { ids, requested } = await search({ q: 'xã', field });
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => fieldOf.get(id) === field), ids.join(', ')).toBe(true);
    const loaded = new Set(requested.filter((p) => p.startsWith('/pagefind/')).map(shardOf));
    expect([...loaded]).toEqual([shard.dir]);
  });

  it('without a filter, an answer held by any shard is found first', async () => {
    for (const shard of [shards[0], shards[shards.length - 1]]) {
      const entry = entries.find((e) => e.field === shard.fields[0])!;
      const { ids, requested } = await search({ q: entry.question });
      expect(ids[0], entry.question).toBe(entry.id);
      const loaded = new Set(requested.filter((p) => p.startsWith('/pagefind/')).map(shardOf));
      expect([...loaded].sort()).toEqual(shards.map((s) => s.dir).sort());
    }
  });
});
