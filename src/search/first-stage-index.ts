// The first-stage search index (issue 14, "national scale"): what a first query needs, in small files,
// so a fresh page load does not pay for Pagefind's full-text index (at 50,000 entries its page list
// alone is 348 KB). Built at build time from the published entries (src/integrations/first-stage-index.ts),
// searched in the browser by src/search/first-stage-search.ts. Pure: no node: imports.
//
// Layout under `search/first/`:
//   manifest.json          version, counts, shard and bucket sizes, the field ranges, the folder below;
//   <key>/w/<n>.json       word postings, one shard per hash of the folded word: one query word costs one file;
//   <key>/d/<n>.json       display data of `bucketSize` consecutive documents: showing ten results
//                          costs at most ten small files.
// `<key>` is a hash of the content, so a browser or cache never mixes the shards of two builds.
//
// Documents are numbered in field order, so a field filter is a range of numbers. Postings list each
// document holding the word (delta-encoded, base 36) and where it holds it (a bit mask: question,
// aliases, summary, other: tags, cited document numbers, synonyms of these).
import { fold } from './fold.ts';
import { synonymExpansions, type PreparedSynonyms } from './terms.ts';
import { WordTokens } from './vocabulary.ts';

export const FIRST_STAGE_VERSION = 1;
export const FIRST_STAGE_DIR = 'search/first/';
export const FIRST_STAGE_MANIFEST = `${FIRST_STAGE_DIR}manifest.json`;

/** Where a word occurs in a document (bits of the posting's mask). */
export const PLACE = { question: 1, aliases: 2, summary: 4, other: 8 } as const;

/** One published entry, as the builder needs it. */
export interface FirstStageEntry {
  id: string;
  question: string;
  aliases: string[];
  summary: string;
  /** Tags and the numbers of the legal documents it cites (only the number: long titles repeat everywhere). */
  other: string[];
  /** Field and owner ids (the field orders the documents). */
  field: string;
  owner: string;
  /** Shown with the result: field and owner names, last review date as displayed, overdue. */
  display: { field: string; owner: string; reviewed: string; overdue: boolean };
}

export interface FirstStageManifest {
  version: number;
  /** Folder of this build's files, under search/first/. */
  key: string;
  docs: number;
  words: number;
  shards: number;
  bucketSize: number;
  /** Field id → [first document, last document + 1]. */
  fields: Record<string, [number, number]>;
}

/**
 * One document's display data, in bucket files: the same meta the full-text index gives a result
 * (src/pages/cau-hoi/[id].astro), except that `terms` holds the indexed "other" words of this index.
 */
export type BucketRow = [id: string, title: string, aliases: string, terms: string, summary: string, field: string, owner: string, reviewed: string, overdue: 0 | 1];

export interface FirstStageIndex {
  manifest: FirstStageManifest;
  /** Shard number → { folded word → encoded postings }. */
  shards: Record<string, string>[];
  buckets: BucketRow[][];
}

/** Raw bytes a shard aims at (it compresses to about a third): a query of five words stays small. */
const SHARD_TARGET_BYTES = 12 * 1024;
const MAX_SHARDS = 8192;
/** Documents per display bucket: each result shown costs at most one such file. */
const BUCKET_SIZE = 8;

/** FNV-1a over the UTF-16 code units: the same in the builder and the browser. */
export function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const shardOf = (folded: string, shards: number) => wordHash(folded) % shards;
export const shardFile = (m: Pick<FirstStageManifest, 'key'>, shard: number) => `${FIRST_STAGE_DIR}${m.key}/w/${shard}.json`;
export const bucketFile = (m: Pick<FirstStageManifest, 'key'>, bucket: number) => `${FIRST_STAGE_DIR}${m.key}/d/${bucket}.json`;

/** Postings → "docs;masks": document numbers as base-36 gaps joined by ".", masks one hex digit each. */
export function encodePostings(postings: [doc: number, mask: number][]): string {
  let previous = -1;
  const gaps: string[] = [];
  let masks = '';
  for (const [doc, mask] of postings) {
    gaps.push((doc - previous).toString(36));
    masks += mask.toString(16);
    previous = doc;
  }
  return `${gaps.join('.')};${masks}`;
}

export function decodePostings(encoded: string): { docs: Uint32Array; masks: Uint8Array } {
  const [gapText, maskText] = encoded.split(';');
  const gaps = gapText ? gapText.split('.') : [];
  if (gaps.length !== (maskText ?? '').length) throw new Error('first-stage index: postings and masks differ in length');
  const docs = new Uint32Array(gaps.length);
  const masks = new Uint8Array(gaps.length);
  let doc = -1;
  for (let i = 0; i < gaps.length; i++) {
    doc += parseInt(gaps[i], 36);
    docs[i] = doc;
    masks[i] = parseInt(maskText[i], 16);
  }
  return { docs, masks };
}

/** A short content hash (FNV-1a of the parts, two seeds), for the folder name. */
function contentKey(parts: string[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    a = Math.imul(a ^ 0xff, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the index of the published entries. The caller passes only published entries. */
export function buildFirstStageIndex(entries: readonly FirstStageEntry[], synonyms: PreparedSynonyms): FirstStageIndex {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) throw new Error(`first-stage index: entry id "${e.id}" appears twice`);
    seen.add(e.id);
  }
  const docs = [...entries].sort((a, b) => byCodePoint(a.field, b.field) || byCodePoint(a.id, b.id));
  const fields: Record<string, [number, number]> = {};
  docs.forEach((e, n) => {
    const range = (fields[e.field] ??= [n, n]);
    range[1] = n + 1;
  });

  const postings = new Map<string, [number, number][]>();
  const rows: BucketRow[] = [];
  const tokens = new WordTokens(); // each distinct word folded once
  docs.forEach((e, n) => {
    const head = [e.question, ...e.aliases, e.summary, ...e.other].join('\n');
    // Synonyms of what is indexed ("QLTT" for "quản lý thị trường"), as the full-text index adds them.
    const extra = [...e.other, ...synonymExpansions(head, synonyms)];
    const masks = new Map<string, number>();
    const add = (text: string, place: number) => {
      for (const w of tokens.folded(text)) masks.set(w, (masks.get(w) ?? 0) | place);
    };
    add(e.question, PLACE.question);
    for (const a of e.aliases) add(a, PLACE.aliases);
    add(e.summary, PLACE.summary);
    for (const x of extra) add(x, PLACE.other);
    for (const [w, mask] of masks) {
      let list = postings.get(w);
      if (!list) postings.set(w, (list = []));
      list.push([n, mask]);
    }
    const terms = [...new Set(extra)].join(' ');
    rows.push([e.id, e.question, e.aliases.join(' | '), terms, e.summary, e.display.field, e.display.owner, e.display.reviewed, e.display.overdue ? 1 : 0]);
  });

  const encoded = [...postings.keys()].sort(byCodePoint).map((w) => [w, encodePostings(postings.get(w)!)] as const);
  const rawBytes = encoded.reduce((s, [w, p]) => s + w.length + p.length + 6, 0);
  let shardCount = 1;
  while (shardCount < MAX_SHARDS && rawBytes / shardCount > SHARD_TARGET_BYTES) shardCount *= 2;
  const shards: Record<string, string>[] = Array.from({ length: shardCount }, () => ({}));
  for (const [w, p] of encoded) shards[shardOf(w, shardCount)][w] = p;

  // Small banks: a handful of buckets; large ones: BUCKET_SIZE documents each.
  const bucketSize = Math.max(1, Math.min(BUCKET_SIZE, Math.ceil(docs.length / 8)));
  const buckets: BucketRow[][] = [];
  for (let i = 0; i < rows.length; i += bucketSize) buckets.push(rows.slice(i, i + bucketSize));

  const key = contentKey([JSON.stringify(rows), ...encoded.map(([w, p]) => `${w}=${p}`)]);
  return {
    manifest: { version: FIRST_STAGE_VERSION, key, docs: docs.length, words: encoded.length, shards: shardCount, bucketSize, fields },
    shards,
    buckets,
  };
}

/** Folded form used for look-ups (the builder folds with foldedWords, word by word; one word folds the same). */
export const foldWord = (word: string) => fold(word.normalize('NFC'));
