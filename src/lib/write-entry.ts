// Writes entries in the contract's format: frontmatter keys in the contract's order, plain
// YYYY-MM-DD dates, NFC text. Used by `npm run new` and `npm run import`.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { entrySchema, type EntryData } from '../schema/index.ts';
import { topLevelKeys } from '../schema/keys.ts';

/**
 * Frontmatter keys in the order of the contract: the entry schema's own order, so a key added to the
 * schema is written too (a key missing here would be silently dropped by `new` and `import`).
 */
export const ENTRY_KEY_ORDER = topLevelKeys(entrySchema) as readonly (keyof EntryData)[];

export type EntryDraft = Partial<EntryData> & Pick<EntryData, 'id' | 'question' | 'summary' | 'field' | 'owner' | 'levels' | 'answered' | 'reviewed'>;

function nfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(nfc) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfc(v)])) as T;
  return value;
}

/** The file text of an entry: YAML frontmatter (only the keys that are set) and the Markdown body. */
export function serializeEntry(entry: EntryDraft, body: string, comments: string[] = []): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ENTRY_KEY_ORDER) {
    const value = entry[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    ordered[key] = nfc(value);
  }
  const yaml = YAML.stringify(ordered, { lineWidth: 0, defaultKeyType: 'PLAIN', flowCollectionPadding: false });
  const notes = comments.map((c) => `# ${c.replace(/\n/g, ' ')}\n`).join('');
  return `---\n${notes}${yaml}---\n${nfc(body).trim()}\n`;
}

/** Writes a new entry file, refusing to overwrite an existing file. Returns the path written. */
export function writeEntryFile(dir: string, fileName: string, text: string): string {
  const file = path.join(dir, fileName);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, text, { flag: 'wx' });
  return file;
}
