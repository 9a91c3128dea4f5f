// The first-stage search index of the built sample site (search/first/, docs/search.md "Two stages"):
// written next to the vocabulary, holding exactly the published entries (never a draft, superseded or
// withdrawn one), with every file small and precompressed like the rest of the site.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readContentRoot } from '../../src/content/read-root.ts';
import { bucketFile, decodePostings, FIRST_STAGE_MANIFEST, shardFile, type BucketRow, type FirstStageManifest } from '../../src/search/first-stage-index.ts';
import { PROJECT } from '../../src/node/project.ts';

const sites = inject('sites');

describe('first-stage index of the sample site', () => {
  const out = sites.sample;
  const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(out, file), 'utf8')) as T;
  const manifest = read<FirstStageManifest>(FIRST_STAGE_MANIFEST);
  const rows = Array.from({ length: Math.ceil(manifest.docs / manifest.bucketSize) }, (_, n) => read<BucketRow[]>(bucketFile(manifest, n))).flat();
  const { model } = readContentRoot(path.join(PROJECT, 'content'), '2026-12-01');

  it('holds exactly the published entries, each once, and no other status', () => {
    const published = model.entries.filter((e) => e.data.status === 'published').map((e) => e.id);
    const others = model.entries.filter((e) => e.data.status !== 'published').map((e) => e.id);
    expect(others.length).toBeGreaterThan(0);
    const ids = rows.map((r) => r[0]);
    expect(ids.length).toBe(new Set(ids).size);
    expect(new Set(ids)).toEqual(new Set(published));
    expect(manifest.docs).toBe(published.length);
    for (const id of others) expect(ids, id).not.toContain(id);
  });

  it('lists only this build’s files: the manifest, its shards and its buckets, precompressed', () => {
    const dir = path.join(out, 'search/first');
    const listed = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).map((f) => `search/first/${f.split(path.sep).join('/')}`).sort();
    const expected = [FIRST_STAGE_MANIFEST, ...Array.from({ length: manifest.shards }, (_, n) => shardFile(manifest, n)), ...Array.from({ length: Math.ceil(manifest.docs / manifest.bucketSize) }, (_, n) => bucketFile(manifest, n))].sort();
    expect(listed).toEqual(expected);
    for (const f of expected) {
      // Precompression skips files under 1 KB (src/integrations/precompress.ts).
      if (fs.statSync(path.join(out, f)).size >= 1024) expect(fs.existsSync(path.join(out, `${f}.br`)), f).toBe(true);
      expect(fs.statSync(path.join(out, f)).size, f).toBeLessThan(64 * 1024);
    }
  });

  it('finds a published entry by the words of its question, and never points past the bank', () => {
    const shards = Array.from({ length: manifest.shards }, (_, n) => read<Record<string, string>>(shardFile(manifest, n)));
    for (const shard of shards) {
      for (const encoded of Object.values(shard)) {
        const { docs } = decodePostings(encoded);
        expect(docs.every((d) => d < manifest.docs)).toBe(true);
      }
    }
    const all = Object.assign({}, ...shards) as Record<string, string>;
    const ruou = rows.findIndex((r) => r[0] === 'giay-phep-ban-le-ruou-cap-xa');
    expect(ruou).toBeGreaterThanOrEqual(0);
    expect([...decodePostings(all.ruou).docs]).toContain(ruou);
  });
});
