// Reads a content root from disk into the content model, checking every file against its schema.
// Used by `npm run check`, the other CLI tools and the build's content guard (one reading, one set of
// messages). Files are listed and read by content-files.ts, the reader Astro's collections use too;
// YAML is parsed as YAML 1.2 so dates stay strings and impossible dates can be caught.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import {
  SLUG_PATTERN,
  documentSchema,
  entrySchema,
  fieldSchema,
  reservedIdMessage,
  synonymsSchema,
  unitSchema,
  type CollectionName,
  type SynonymGroups,
} from '../schema/index.ts';
import { listContentFiles, readEntryFile, readYamlContentFile } from './files.ts';
import { lineOfKey, type ContentIssue } from './issues.ts';
import { checkBody } from './markdown-safety.ts';
import type { ContentModel, EntryRecord, Sourced } from './model.ts';
import { loadCalendar, loadQuestions } from '../questions/read.ts';

export const SAMPLE_MARKER = '.sample-content';
const ENTRY_EXTENSIONS = new Set(['.md', '.mdx']);

function keyPath(p: readonly PropertyKey[]): string {
  return p.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
}

function valueAt(data: unknown, p: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const part of p) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[part];
  }
  return v;
}

/** Turns zod issues into content issues naming the file and the key. */
export function schemaIssues(file: string, source: string, data: unknown, error: z.ZodError, lineOffset = 0): ContentIssue[] {
  const out: ContentIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        const key = keyPath([...issue.path, k]);
        out.push({ severity: 'error', file, key, message: 'unknown key (not in the content contract)', line: lineOfKey(source, key, lineOffset) });
      }
      continue;
    }
    const key = keyPath(issue.path);
    const missing = issue.path.length > 0 && issue.code !== 'custom' && valueAt(data, issue.path) === undefined;
    out.push({
      severity: 'error',
      file,
      key,
      message: missing ? 'is required' : issue.message,
      line: lineOfKey(source, key, lineOffset),
    });
  }
  return out;
}

/** The files of a content folder (symlinks and unloadable names reported in `issues`). */
function listFiles(dir: string, recursive: boolean, issues: ContentIssue[]): string[] {
  return listContentFiles(dir, recursive, issues);
}

/** Reads and parses one YAML file (normalised); a problem is reported and gives undefined. */
function readYamlFile(file: string, issues: ContentIssue[]): { source: string; raw: unknown } | undefined {
  const read = readYamlContentFile(file, issues);
  return read && { source: read.text, raw: read.data };
}

/** Reads one `<dir>/<id>.yaml` collection (fields, units, documents). */
function loadYamlCollection<S extends z.ZodType>(
  collection: CollectionName,
  dir: string,
  schema: S,
  issues: ContentIssue[],
  rejected: Set<string>,
): Map<string, Sourced<z.output<S>>> {
  const out = new Map<string, Sourced<z.output<S>>>();
  for (const file of listFiles(dir, false, issues)) {
    const ext = path.extname(file);
    if (ext !== '.yaml') {
      issues.push({ severity: 'error', file, key: '', message: `unexpected file: this folder holds one <id>.yaml file per item` });
      continue;
    }
    const id = path.basename(file, ext);
    if (!SLUG_PATTERN.test(id)) {
      issues.push({ severity: 'error', file, key: 'id', message: `the file name "${id}" is the id and must be a lowercase ASCII slug (a-z, 0-9, single hyphens)` });
      continue;
    }
    const reserved = reservedIdMessage(collection, id);
    if (reserved) {
      issues.push({ severity: 'error', file, key: 'id', message: `${reserved}; rename the file` });
      rejected.add(id);
      continue;
    }
    const read = readYamlFile(file, issues);
    if (!read) {
      // Already reported: references to it are not reported again as "does not exist".
      rejected.add(id);
      continue;
    }
    const { source, raw } = read;
    const parsed = schema.safeParse(raw ?? {});
    if (!parsed.success) {
      issues.push(...schemaIssues(file, source, raw, parsed.error));
      rejected.add(id);
      continue;
    }
    out.set(id, { id, file, data: parsed.data });
  }
  return out;
}

function loadEntries(dir: string, issues: ContentIssue[], rejected: Set<string>): EntryRecord[] {
  const out: EntryRecord[] = [];
  for (const file of listFiles(dir, true, issues)) {
    if (!ENTRY_EXTENSIONS.has(path.extname(file))) {
      issues.push({ severity: 'error', file, key: '', message: 'unexpected file: entries are .md or .mdx files' });
      continue;
    }
    const read = readEntryFile(file, issues);
    if (!read) continue;
    const source = read.text;
    const raw = read.data;
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...schemaIssues(file, source, raw, parsed.error));
      const rawId = (raw as { id?: unknown }).id;
      if (typeof rawId === 'string') rejected.add(rawId);
      continue;
    }
    const reserved = reservedIdMessage('entries', parsed.data.id);
    if (reserved) {
      issues.push({ severity: 'error', file, key: 'id', message: reserved, line: lineOfKey(source, 'id', 0) });
      rejected.add(parsed.data.id);
      continue;
    }
    const { body, bodyLine } = read.source;
    const unsafe = checkBody(file, body, bodyLine, file.endsWith('.mdx'));
    if (unsafe.length) {
      issues.push(...unsafe);
      rejected.add(parsed.data.id);
      continue;
    }
    out.push({ id: parsed.data.id, file, data: parsed.data, body, bodyLine });
  }
  return out;
}

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Reads `synonyms.yaml` of a content root (an empty list when absent). */
export function loadSynonyms(root: string, issues: ContentIssue[] = []): SynonymGroups {
  const file = path.join(root, 'synonyms.yaml');
  if (!fs.existsSync(file) && !isSymlink(file)) return [];
  if (isSymlink(file)) {
    issues.push({ severity: 'error', file, key: '', message: 'is a symbolic link: content files must be real files inside the content root (copy the file instead)' });
    return [];
  }
  const read = readYamlFile(file, issues);
  if (!read) return [];
  const { source, raw } = read;
  const parsed = synonymsSchema.safeParse(raw ?? []);
  if (!parsed.success) {
    issues.push(...schemaIssues(file, source, raw, parsed.error));
    return [];
  }
  return parsed.data;
}

/** Reads a whole content root. Files failing their schema are reported in `issues`, never dropped silently. */
export function loadContent(root: string): { model: ContentModel; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    issues.push({ severity: 'error', file: root, key: '', message: 'content root not found (set HOIDAP_CONTENT to a folder with fields/, units/ and entries/)' });
  }
  for (const required of ['fields', 'units', 'entries']) {
    if (issues.length === 0 && !fs.existsSync(path.join(root, required))) {
      issues.push({ severity: 'error', file: path.join(root, required), key: '', message: `missing folder ${required}/ in the content root` });
    }
  }
  const rejectedIds: ContentModel['rejectedIds'] = { fields: new Set(), units: new Set(), documents: new Set(), entries: new Set() };
  // Questions and the calendar (optional) are read by src/questions/read.ts through this file's YAML reading.
  const questions = loadQuestions(root, issues, readYamlFile, schemaIssues, (dir) => listFiles(dir, true, issues));
  const model: ContentModel = {
    root,
    fields: loadYamlCollection('fields', path.join(root, 'fields'), fieldSchema, issues, rejectedIds.fields),
    units: loadYamlCollection('units', path.join(root, 'units'), unitSchema, issues, rejectedIds.units),
    documents: loadYamlCollection('documents', path.join(root, 'documents'), documentSchema, issues, rejectedIds.documents),
    entries: loadEntries(path.join(root, 'entries'), issues, rejectedIds.entries),
    rejectedIds,
    synonyms: loadSynonyms(root, issues),
    questions: questions.questions,
    calendar: loadCalendar(root, issues, readYamlFile, schemaIssues),
    isSample: fs.existsSync(path.join(root, SAMPLE_MARKER)),
  };
  return { model, issues };
}
