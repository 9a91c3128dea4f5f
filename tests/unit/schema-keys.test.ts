// Keys are derived from the entry schema, never retyped: writing then reading an entry with every key
// set loses nothing, the importer takes every key (or says why not), and the CMS labels every key.
// The full entry is generated from the schema's shape, so a key added to the contract is covered here
// without touching this file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_SCHEMAS, describeContract, type ShapeNode } from '../../src/cms/contract.ts';
import { FIELD_TEXT } from '../../src/cms/labels.ts';
import { contextFor, convertRecord } from '../../src/import/convert.ts';
import { IMPORT_KEYS, NOT_IMPORTED, type SourceRecord } from '../../src/import/types.ts';
import { readContentRoot } from '../../src/content/read-root.ts';
import { ENTRY_KEY_ORDER, serializeEntry, type EntryDraft } from '../../src/content/write-entry.ts';
import { entrySchema } from '../../src/schema/index.ts';
import { keyPaths, topLevelKeys } from '../../src/schema/keys.ts';
import { FIXTURE_TODAY, makeRoot } from '../helpers/fixture-root.ts';

const root = makeRoot();
const { model } = readContentRoot(root, FIXTURE_TODAY);
/** An existing id of each collection of the fixture root, for references. */
const existing = {
  fields: [...model.fields.keys()][0]!,
  units: [...model.units.keys()][0]!,
  documents: [...model.documents.keys()][0]!,
  entries: model.entries.find((e) => e.data.status === 'published')!.id,
};
const DAY = '2025-08-05'; // before the fixtures' build date, and equal for every date so no order rule trips

/** A valid value for every key of a shape node, lists with one item. */
function valueFor(node: ShapeNode, key: string): unknown {
  switch (node.kind) {
    case 'text':
      if (node.pattern) return `gia-tri-${key.replace(/[^a-z]+/g, '-')}`.replace(/-+$/, '');
      if (node.format === 'email') return 'hop-thu@example.vn';
      return /url/.test(key) ? `https://example.vn/${key}` : `Giá trị của ${key}`;
    case 'number':
      return node.min ?? 1;
    case 'date':
      return DAY;
    case 'choice':
      return node.values[0];
    case 'ref':
      return existing[node.collection];
    case 'list':
      return [valueFor(node.item, key)];
    case 'object':
      return Object.fromEntries(Object.entries(node.keys).map(([k, v]) => [k, valueFor(v, k)]));
  }
}

const entryShape = describeContract().entries;
const full = { ...(valueFor(entryShape, 'entry') as Record<string, unknown>), id: 'moi-khoa-deu-co' } as EntryDraft;

describe('writing entries', () => {
  it('writes the keys in the schema order', () => {
    expect(ENTRY_KEY_ORDER).toEqual(topLevelKeys(entrySchema));
  });

  it('loses nothing: an entry with every key set reads back equal', () => {
    expect(Object.keys(full).sort()).toEqual(topLevelKeys(entrySchema).sort());
    const file = path.join(root, 'entries/a/moi-khoa.md');
    fs.writeFileSync(file, serializeEntry(full, 'Trả lời đầy đủ.'));
    const { model: back, issues } = readContentRoot(root, FIXTURE_TODAY);
    expect(issues.filter((i) => i.file === file)).toEqual([]);
    const read = back.entries.find((e) => e.file === file);
    expect(read?.data).toEqual(entrySchema.parse(full));
    expect(read?.body.trim()).toBe('Trả lời đầy đủ.');
  });
});

describe('importing entries', () => {
  it('takes every entry key but the references to other entries', () => {
    const keys = topLevelKeys(entrySchema).filter((k) => !(NOT_IMPORTED as readonly string[]).includes(k));
    expect([...IMPORT_KEYS].sort()).toEqual([...keys, 'body'].sort());
  });

  it('drops no column: each key fed by a column lands in the entry or in its comments', () => {
    const ctx = contextFor(model, new Map(), { field: existing.fields, owner: existing.units }, FIXTURE_TODAY);
    const values: SourceRecord['values'] = {};
    for (const key of IMPORT_KEYS) {
      const node = key === 'body' ? undefined : entryShape.keys[key];
      const value = node ? valueFor(node, key) : 'Trả lời đầy đủ.';
      const text = Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('\n') : String(value);
      values[key] = { text };
    }
    const result = convertRecord({ source: 'row 2', values, extras: [] }, ctx);
    if (!('entry' in result)) throw new Error(`expected an entry: ${result.skip.reason}`);
    const { data, extras, body } = result.entry;
    const lost = IMPORT_KEYS.filter(
      (k) => k !== 'body' && k !== 'id' && (data as Record<string, unknown>)[k] === undefined && !extras.some((e) => e.header === k),
    );
    // `status: published` is the contract's default and is not written; `id` becomes the requested id.
    expect(lost.filter((k) => !(k === 'status' && result.entry.missing.length === 0))).toEqual([]);
    expect(result.entry.requestedId).toBe(values.id!.text);
    expect(body).toContain('Trả lời đầy đủ.');
  });
});

describe('the CMS', () => {
  it('has a Vietnamese label for every key of every collection', () => {
    const unlabeled = Object.entries(CONTRACT_SCHEMAS).flatMap(([collection, schema]) =>
      keyPaths(schema)
        .map((k) => k.path)
        .filter((p) => !FIELD_TEXT[collection as keyof typeof FIELD_TEXT][p])
        .map((p) => `${collection}.${p}`),
    );
    expect(unlabeled).toEqual([]);
  });
});
