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

/**
 * Adds a public change note dated `date` to an entry's source text and moves `reviewed` to that date
 * (a change is a review). The frontmatter is edited as a YAML document, so its comments, key order
 * and the Markdown body stay as they were; the note goes last in `changes` (pages sort by date).
 */
export function addChangeNote(source: string, note: string, date: string): string {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(source);
  if (!m) throw new Error('the file has no YAML frontmatter');
  const doc = YAML.parseDocument(m[1]!, { schema: 'core', uniqueKeys: true });
  if (doc.errors.length) throw new Error(`the frontmatter is not valid YAML: ${doc.errors[0]!.message}`);
  const text = note.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text) throw new Error('the change note is empty');
  const changes = doc.get('changes');
  if (changes === undefined || changes === null) {
    // Insert before `related`/`tags` when present, to keep the contract's key order.
    const item = doc.createNode({ changes: [{ date, note: text }] }).items[0]!;
    const items = (doc.contents as YAML.YAMLMap).items;
    const after = items.findIndex((p) => ['related', 'tags'].includes(String((p.key as YAML.Scalar).value)));
    items.splice(after >= 0 ? after : items.length, 0, item);
  } else if (YAML.isSeq(changes)) {
    changes.add(doc.createNode({ date, note: text }));
  } else {
    throw new Error('`changes` is not a list');
  }
  doc.set('reviewed', date);
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---${m[2]}${source.slice(m[0].length)}`;
}

/** Writes a new entry file, refusing to overwrite an existing file. Returns the path written. */
export function writeEntryFile(dir: string, fileName: string, text: string): string {
  const file = path.join(dir, fileName);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, text, { flag: 'wx' });
  return file;
}
