// The search index's shard plan (src/search/shards.ts) and what a partner may name as its shards.
import { describe, expect, it } from 'vitest';
import { MAIN_SHARD_DIR, planShards, shardEntries, shardsOfEntries, shardsToLoad } from '../../src/search/shards.ts';
import { partnerShardDirs, type SiteInfo } from '../../src/search/federation.ts';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);

describe('planShards', () => {
  it('keeps a bank that fits in one shard in the one index folder it always had', () => {
    const plan = planShards([{ field: 'a', ids: ids('a', 3) }, { field: 'b', ids: ids('b', 2) }], 5);
    expect(plan).toEqual([{ dir: MAIN_SHARD_DIR, fields: ['a', 'b'], ids: [...ids('a', 3), ...ids('b', 2)] }]);
  });

  it('packs whole fields, largest first, into shards of at most the given size', () => {
    const groups = [
      { field: 'small', ids: ids('s', 2) },
      { field: 'big', ids: ids('b', 7) },
      { field: 'mid', ids: ids('m', 4) },
      { field: 'empty', ids: [] },
    ];
    const plan = planShards(groups, 8);
    expect(plan.map((s) => s.dir)).toEqual(['pagefind/', 'pagefind/shard-1/']);
    expect(plan.map((s) => s.fields)).toEqual([['big'], ['mid', 'small']]);
    for (const s of plan) expect(s.ids.length).toBeLessThanOrEqual(8);
    // Every published entry is in exactly one shard; the empty field is in none.
    const all = plan.flatMap((s) => s.ids);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual([...ids('s', 2), ...ids('b', 7), ...ids('m', 4)].sort());
  });

  it('splits a field larger than a shard over shards of its own, evenly', () => {
    const plan = planShards([{ field: 'huge', ids: ids('h', 25) }, { field: 'tiny', ids: ids('t', 1) }], 10);
    const huge = plan.filter((s) => s.fields.includes('huge'));
    expect(huge.map((s) => s.ids.filter((id) => id.startsWith('h-')).length).sort()).toEqual([8, 8, 9]);
    expect(plan.every((s) => s.ids.length <= 10)).toBe(true);
    expect(plan.flatMap((s) => s.ids)).toHaveLength(26);
    // Two pieces of one field never share a shard (a field filter would load it twice).
    for (const s of plan) expect(new Set(s.fields).size).toBe(s.fields.length);
  });

  it('plans the same shards whatever order the entries come in', () => {
    const groups = [
      { field: 'x', ids: ids('x', 6) },
      { field: 'y', ids: ids('y', 6) },
      { field: 'z', ids: ids('z', 3) },
    ];
    const reversed = [...groups].reverse().map((g) => ({ ...g, ids: [...g.ids].reverse() }));
    const key = (plan: ReturnType<typeof planShards>) => plan.map((s) => `${s.dir}:${s.fields.join('+')}:${[...s.ids].sort().join(',')}`);
    expect(key(planShards(reversed, 7))).toEqual(key(planShards(groups, 7)));
  });

  it('refuses a shard size that is not a positive whole number', () => {
    expect(() => planShards([], 0)).toThrow(/positive whole number/);
    expect(() => planShards([], 2.5)).toThrow(/positive whole number/);
  });
});

describe('shardsOfEntries', () => {
  it('indexes published entries only, grouped by field', () => {
    const entries = [
      { id: 'p1', data: { field: 'a', status: 'published' } },
      { id: 'd1', data: { field: 'a', status: 'draft' } },
      { id: 's1', data: { field: 'b', status: 'superseded' } },
      { id: 'w1', data: { field: 'b', status: 'withdrawn' } },
      { id: 'p2', data: { field: 'b', status: 'published' } },
    ];
    expect(shardsOfEntries(entries, 1)).toEqual([
      { dir: 'pagefind/', fields: ['a'], ids: ['p1'] },
      { dir: 'pagefind/shard-1/', fields: ['b'], ids: ['p2'] },
    ]);
  });
});

describe('shardsToLoad', () => {
  const shards = [
    { dir: 'pagefind/', fields: ['a'] },
    { dir: 'pagefind/shard-1/', fields: ['b', 'c'] },
    { dir: 'pagefind/shard-2/', fields: ['a'] },
  ];
  it('loads only the shards holding a filtered field', () => {
    expect(shardsToLoad(shards, 'b').map((s) => s.dir)).toEqual(['pagefind/shard-1/']);
    expect(shardsToLoad(shards, 'a').map((s) => s.dir)).toEqual(['pagefind/', 'pagefind/shard-2/']);
  });
  it('loads every shard without a field filter, or for a field no shard holds (a partner bank’s)', () => {
    expect(shardsToLoad(shards)).toEqual(shards);
    expect(shardsToLoad(shards, 'partner-field')).toEqual(shards);
  });
});

describe('shardEntries (HOIDAP_SEARCH_SHARD_ENTRIES)', () => {
  it('defaults to 15,000 and reads a whole number', () => {
    expect(shardEntries(undefined)).toBe(15_000);
    expect(shardEntries(' ')).toBe(15_000);
    expect(shardEntries('2000')).toBe(2000);
  });
  it('names the variable when the value is bad', () => {
    for (const bad of ['0', '-3', '1.5', 'many']) expect(() => shardEntries(bad)).toThrow(/HOIDAP_SEARCH_SHARD_ENTRIES/);
  });
});

describe("partnerShardDirs: a partner's site.json cannot point the merge elsewhere", () => {
  const info = (searchShards: unknown) => ({ searchShards }) as unknown as SiteInfo;
  it('uses the single index of a partner that lists no shards', () => {
    expect(partnerShardDirs(undefined)).toEqual(['pagefind/']);
    expect(partnerShardDirs(info(undefined))).toEqual(['pagefind/']);
    expect(partnerShardDirs(info('pagefind/'))).toEqual(['pagefind/']);
  });
  it('keeps the shard folders this project writes and drops anything else', () => {
    expect(partnerShardDirs(info(['pagefind/', 'pagefind/shard-1/', 'pagefind/shard-1/', '../x/', 'https://evil.example/', 'pagefind/shard-1/../../', 7]))).toEqual([
      'pagefind/',
      'pagefind/shard-1/',
    ]);
  });
  it('falls back to the main index when the list leaves it out', () => {
    expect(partnerShardDirs(info(['pagefind/shard-1/']))).toEqual(['pagefind/']);
  });
});
