// docs/content.md documents every key of every content schema: each exported `<name>Schema` of
// src/schema/ (so a new schema is picked up) has a section "## <Name>" whose table lists each key with
// the same required flag. Keys the contract has and a schema does not have yet may be documented ahead.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import * as schemas from '../../src/schema/index.ts';
import { keyPaths } from '../../src/schema/keys.ts';

const DOC = path.resolve(import.meta.dirname, '../../docs/content.md');

interface Row {
  key: string;
  required: string;
}

/** The key tables of docs/content.md by section name ("Entry", "Field", …). */
function docTables(markdown: string): Map<string, Row[]> {
  const tables = new Map<string, Row[]>();
  let section = '';
  for (const line of markdown.split('\n')) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) section = heading[1]!.trim();
    const row = /^\| `([^`]+)` \| ([^|]+) \|/.exec(line);
    if (row && section) {
      if (!tables.has(section)) tables.set(section, []);
      tables.get(section)!.push({ key: row[1]!, required: row[2]!.trim() });
    }
  }
  return tables;
}

/** Content schemas exported by src/schema (not the factories): `entrySchema` → "Entry". */
const contentSchemas = Object.entries(schemas)
  .filter(([name, value]) => /^[a-z]+Schema$/.test(name) && typeof (value as { safeParse?: unknown }).safeParse === 'function')
  .map(([name, schema]) => {
    const base = name.replace(/Schema$/, '');
    return { name, section: base[0]!.toUpperCase() + base.slice(1), schema: schema as z.ZodType };
  });

const tables = docTables(fs.readFileSync(DOC, 'utf8'));

describe('docs/content.md', () => {
  it('finds the content schemas and the key tables', () => {
    expect(contentSchemas.map((s) => s.name)).toEqual(expect.arrayContaining(['entrySchema', 'fieldSchema', 'unitSchema', 'documentSchema', 'synonymsSchema']));
    expect([...tables.keys()]).toEqual(expect.arrayContaining(['Field', 'Unit', 'Entry', 'Document', 'Synonyms', 'Question', 'Calendar']));
  });

  for (const { name, section, schema } of contentSchemas) {
    it(`documents every key of ${name} under "## ${section}", required as the schema says`, () => {
      const rows = tables.get(section);
      expect(rows, `docs/content.md has no "## ${section}" section with a key table`).toBeDefined();
      const documented = new Map(rows!.map((r) => [r.key, r.required]));
      const undocumented = keyPaths(schema).filter((k) => !documented.has(k.path)).map((k) => k.path);
      expect(undocumented, `keys of ${name} without a row in docs/content.md`).toEqual([]);
      const mismatched = keyPaths(schema)
        .filter((k) => (documented.get(k.path) === 'yes') !== k.required)
        .map((k) => `${k.path}: schema says ${k.required ? 'required' : 'optional'}, docs say "${documented.get(k.path)}"`);
      expect(mismatched).toEqual([]);
    });
  }

  it('parses a key table the way it is written', () => {
    const md = '## Thing\n\n| key | required | type | meaning |\n| --- | --- | --- | --- |\n| `a` | yes | text | x |\n| `b[].c` | when `a` is set | text | y |\n';
    expect(docTables(md).get('Thing')).toEqual([{ key: 'a', required: 'yes' }, { key: 'b[].c', required: 'when `a` is set' }]);
  });
});
