// The one reader of content files. `npm run check`, the build's content guard and Astro's collections
// (src/content.config.ts) all list files and read their text through this module, so the checker and
// the build can never see different files or different text. Every problem is returned as a content
// issue naming the file (and line or key); nothing is skipped silently.
import fs from 'node:fs';
import path from 'node:path';
import YAML, { isNode, visit } from 'yaml';
import type { ContentIssue } from './issues.ts';

const KB = 1024;
/** Default size limits. Markdown parsing grows faster than linearly, so the limit applies before parsing. */
export const DEFAULT_MAX_ENTRY_BYTES = 256 * KB;
export const DEFAULT_MAX_YAML_BYTES = 256 * KB;

function limitFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number of bytes (got "${raw}")`);
  return n;
}

/** A size limit and the environment variable that sets it (named in messages). */
export interface SizeLimit {
  bytes: number;
  env: string;
}

/** Largest entry file read: HOIDAP_MAX_ENTRY_BYTES, default 256 KB. */
export const entryLimit = (env: NodeJS.ProcessEnv = process.env): SizeLimit => ({
  bytes: limitFromEnv('HOIDAP_MAX_ENTRY_BYTES', DEFAULT_MAX_ENTRY_BYTES, env),
  env: 'HOIDAP_MAX_ENTRY_BYTES',
});
/** Largest YAML file read (fields, units, documents, synonyms): HOIDAP_MAX_YAML_BYTES, default 256 KB. */
export const yamlLimit = (env: NodeJS.ProcessEnv = process.env): SizeLimit => ({
  bytes: limitFromEnv('HOIDAP_MAX_YAML_BYTES', DEFAULT_MAX_YAML_BYTES, env),
  env: 'HOIDAP_MAX_YAML_BYTES',
});

/**
 * Characters no content file may contain: C0 controls other than tab and newline (a carriage return
 * is normalised away first), DEL, C1 controls, and the bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) that can make published text read differently from the
 * source. NUL is a C0 control.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
/** Also forbidden in parsed YAML strings: noncharacters and lone surrogates (YAML escapes can produce them; XML cannot carry them). */
const FORBIDDEN_IN_VALUE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|\p{Cs}/u;
/**
 * Line separators Word and other editors put inside one line of text (Word's manual line break is
 * U+000B): in parsed text values they become a plain space, so a question keeps its words.
 */
const SOFT_BREAKS = /[\u000B\u000C\u2028\u2029]/g;

/** Human name of a forbidden character, for messages. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (cp === 0) return `${hex} (NUL)`;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return `${hex} (bidirectional override)`;
  if (cp >= 0xd800 && cp <= 0xdfff) return `${hex} (lone surrogate)`;
  if (cp === 0xfffe || cp === 0xffff) return `${hex} (noncharacter)`;
  return `${hex} (control character)`;
}

/**
 * Characters a file or folder name must not contain: the URL and module-id scheme the build uses to
 * load files cannot carry them (`#` and `?` cut the path, `%` is decoded, `\` is read as a folder
 * separator), and control or bidi characters hide what a name says.
 */
const BAD_NAME = /[#?%\\\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

export function badNameMessage(name: string): string | undefined {
  const m = BAD_NAME.exec(name);
  if (!m) return undefined;
  const ch = m[0];
  const shown = /[#?%\\]/.test(ch) ? `"${ch}"` : describeChar(ch);
  return `the name ${visible(name)} contains ${shown}, which file names in a content root must not contain (rename the file or folder; allowed are letters, digits, spaces, "-", "_" and ".")`;
}

/** A name quoted with invisible characters spelled out, so a message shows what is really there. */
const visible = (name: string) =>
  JSON.stringify(name).replace(/[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);

const hidden = (name: string) => name.startsWith('.');

/**
 * The files of one content folder, sorted, as the build will see them. Names starting with "." are
 * skipped (editor and VCS files), as Astro's glob does. Symbolic links (to files or folders) and
 * names the build cannot load are reported as errors and left out, so check and build both fail.
 */
export function listContentFiles(dir: string, recursive: boolean, issues: ContentIssue[]): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch (err) {
      issues.push({ severity: 'error', file: folder, key: '', message: `cannot read folder: ${(err as Error).message}` });
      return;
    }
    for (const name of names.sort()) {
      if (hidden(name)) continue;
      const full = path.join(folder, name);
      const stat = fs.lstatSync(full);
      if (stat.isSymbolicLink()) {
        issues.push({
          severity: 'error',
          file: full,
          key: '',
          message: 'is a symbolic link: content files and folders must be real files inside the content root (copy the file instead)',
        });
        continue;
      }
      const bad = badNameMessage(name);
      if (bad) {
        issues.push({ severity: 'error', file: full, key: '', message: bad });
        continue;
      }
      if (stat.isDirectory()) {
        if (recursive) walk(full);
        // Files in it would be lost silently: neither the checker nor Astro's glob reads subfolders here.
        else issues.push({ severity: 'error', file: full, key: '', message: 'unexpected folder: this folder holds files only, one per item' });
        continue;
      }
      if (stat.isFile()) out.push(full);
      else issues.push({ severity: 'error', file: full, key: '', message: 'is not a regular file (devices, sockets and pipes are not content)' });
    }
  };
  if (fs.existsSync(dir)) {
    if (fs.lstatSync(dir).isSymbolicLink()) {
      issues.push({ severity: 'error', file: dir, key: '', message: 'is a symbolic link: content folders must be real folders inside the content root' });
      return [];
    }
    walk(dir);
  }
  return out.sort();
}

export type ReadResult = { ok: true; text: string } | { ok: false; issue: ContentIssue };

/**
 * Reads one content file as the checker and the build both see it: size-checked before anything is
 * parsed, strict UTF-8, a leading byte-order mark dropped, CRLF and lone CR turned into LF, Unicode
 * NFC, and no forbidden control or bidi character anywhere (reported with line and column).
 */
export function readContentText(file: string, limit: SizeLimit): ReadResult {
  const fail = (message: string, line?: number): ReadResult => ({ ok: false, issue: { severity: 'error', file, key: '', message, line } });
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (err) {
    return fail(`cannot read file: ${(err as Error).message}`);
  }
  if (size > limit.bytes) {
    return fail(
      `is ${formatBytes(size)}, over the limit of ${formatBytes(limit.bytes)} for this kind of file: split it up ` +
        `(the limit keeps check and build fast; ${limit.env} raises it)`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
  } catch {
    return fail('is not valid UTF-8 text (save it as UTF-8, e.g. "Save as… UTF-8" in your editor)');
  }
  text = normaliseText(text);
  const bad = findForbidden(text);
  if (bad) return fail(`contains ${describeChar(bad.char)} at column ${bad.column}: remove it (control and bidirectional override characters are not allowed)`, bad.line);
  return { ok: true, text };
}

/** BOM dropped, line endings to LF, NFC. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

export function findForbidden(text: string): { char: string; line: number; column: number } | undefined {
  const m = FORBIDDEN.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  const line = before.split('\n').length;
  return { char: m[0], line, column: m.index - before.lastIndexOf('\n') };
}

function formatBytes(n: number): string {
  return n >= KB * KB ? `${(n / KB / KB).toFixed(1)} MB` : n >= KB ? `${Math.round(n / KB)} KB` : `${n} bytes`;
}

/** An entry file split into frontmatter and body. */
export interface EntrySource {
  /** YAML between the two `---` lines. */
  frontmatter: string;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/**
 * Splits an entry's text: the first line is `---`, the frontmatter ends at the first following line
 * that starts with `---`, which must be exactly `---`. Astro's own splitter ends frontmatter at the
 * first line starting with `---` too, so strictness here keeps both readings identical.
 */
export function splitEntry(text: string): EntrySource | { error: string; line: number } {
  if (!text.startsWith('---\n')) return { error: 'missing YAML frontmatter (the file must start with a line "---")', line: 1 };
  const lines = text.split('\n');
  const close = lines.findIndex((l, i) => i > 0 && l.startsWith('---'));
  if (close < 0) return { error: 'the YAML frontmatter is not closed (add a line "---" after it)', line: 1 };
  if (lines[close].trimEnd() !== '---') return { error: 'the line that closes the frontmatter must be exactly "---"', line: close + 1 };
  return {
    frontmatter: lines.slice(1, close).join('\n') + (close > 1 ? '\n' : ''),
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

/** The text Astro's MDX compiler is given for an entry: the reader's frontmatter and body, re-joined. */
export function canonicalEntryText(src: EntrySource): string {
  return `---\n${src.frontmatter}---\n${src.body}`;
}

/** Tags both YAML readers (ours and Astro's js-yaml) understand the same way. Any other tag is rejected. */
const PLAIN_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

export class YamlIssue extends Error {
  readonly line?: number;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/**
 * Parses YAML 1.2 (core schema: dates stay strings), refusing duplicate keys, custom or unknown tags
 * (`!!js/function`, `!foo`), and anything the parser only warns about. `lineOffset` is added to line
 * numbers (frontmatter starts on line 2 of an entry).
 */
export function parseYamlStrict(source: string, lineOffset = 0): unknown {
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(source, { schema: 'core', uniqueKeys: true, prettyErrors: false, lineCounter });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line + lineOffset);
  const error = doc.errors[0];
  if (error) throw new YamlIssue(`invalid YAML: ${error.message.split('\n')[0]}`, lineAt(error.pos?.[0]));
  let tagged: { tag: string; line?: number } | undefined;
  visit(doc, (_key, node) => {
    if (isNode(node) && node.tag && !PLAIN_TAGS.has(node.tag)) {
      tagged = { tag: node.tag, line: lineAt(node.range?.[0]) };
      return visit.BREAK;
    }
    return undefined;
  });
  if (tagged) throw new YamlIssue(`YAML tag "${tagged.tag.replace(/^tag:yaml.org,2002:/, '!!')}" is not allowed (write plain values)`, tagged.line);
  const warning = doc.warnings[0];
  if (warning) throw new YamlIssue(`invalid YAML: ${warning.message.split('\n')[0]}`, lineAt(warning.pos?.[0]));
  return doc.toJS({ maxAliasCount: 100 });
}

function keyPath(p: readonly (string | number)[]): string {
  return p.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/**
 * Normalises every string (keys and values) of parsed YAML the way the reader normalises files: NFC,
 * CR and CRLF to LF, and Word's soft line breaks (U+000B, U+000C, U+2028, U+2029) to a space. A value
 * that still holds a forbidden character (e.g. written as a YAML escape "\0" or "\u202E") is reported
 * with its key.
 */
export function cleanYamlValue(value: unknown, file: string, issues: ContentIssue[], at: (string | number)[] = []): unknown {
  if (typeof value === 'string') {
    const s = value.replace(/\r\n?/g, '\n').replace(SOFT_BREAKS, ' ').normalize('NFC');
    const bad = FORBIDDEN_IN_VALUE.exec(s);
    if (bad) issues.push({ severity: 'error', file, key: keyPath(at), message: `contains ${describeChar(bad[0])}: remove it (control and bidirectional override characters are not allowed)` });
    return s;
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanYamlValue(v, file, issues, [...at, i]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const key = (cleanYamlValue(k, file, issues, [...at, k]) as string);
        return [key, cleanYamlValue(v, file, issues, [...at, key])];
      }),
    );
  }
  return value;
}

export interface ParsedEntryFile {
  /** Frontmatter as parsed and cleaned, before the schema. */
  data: Record<string, unknown>;
  source: EntrySource;
  /** The whole normalised text (for line look-ups). */
  text: string;
}

// A build reads every entry twice in one process: the content guard (the whole root, at config time),
// then Astro's content layer (src/content.config.ts). The second reading of a file whose text is
// unchanged takes the first one's parse instead of parsing the YAML again (4 s of CPU at 10,000
// entries); each parse is handed out as many times as it was kept for (once after a reading, twice
// after `keepEntryParses`: for the guard and the content layer), and the build drops the rest once the
// content layer is done (`forgetEntryParses`: a rebuild's content layer skips unchanged files, so
// their parses would otherwise stay in memory). Kept on globalThis: the content layer runs its own
// copy of this module. Callers treat the parsed data as read-only (the schemas copy it).
const PARSED = Symbol.for('hoidap.parsedEntries');
type Kept = { parsed: ParsedEntryFile; uses: number };
const parsedStore = globalThis as typeof globalThis & { [PARSED]?: Map<string, Kept> | null };
const parsedOnce = () => (parsedStore[PARSED] === undefined ? (parsedStore[PARSED] = new Map()) : parsedStore[PARSED]);

/** Drops the parses kept for a second reading, and keeps none from now on in this process. */
export function forgetEntryParses(): void {
  parsedStore[PARSED] = null;
}

/**
 * Keeps parses made ahead of the guard's reading (src/content/preparse.ts) for the guard and then the
 * content layer. Each is used only while the file's text is still the one parsed.
 */
export function keepEntryParses(parses: Iterable<[file: string, parsed: ParsedEntryFile]>): void {
  const kept = parsedOnce();
  if (kept) for (const [file, parsed] of parses) kept.set(file, { parsed, uses: 2 });
}

/** A kept parse of `file` if it was made from `text`; a stale one is dropped. */
function takeKeptParse(file: string, text: string): ParsedEntryFile | undefined {
  const kept = parsedOnce();
  const earlier = kept?.get(file);
  if (!earlier) return undefined;
  if (earlier.parsed.text !== text) {
    kept!.delete(file); // the file changed since: its parse is stale
    return undefined;
  }
  if (--earlier.uses === 0) kept!.delete(file);
  return earlier.parsed;
}

/**
 * Reads, splits and parses one entry file; problems are pushed to `issues` and give undefined.
 * `contents` is the file's text as a caller already read it (Astro's loader): when it is the text of a
 * kept parse, that parse is taken without reading the file again. Text with a replacement character
 * may hide bytes that are not UTF-8, so it is always read and checked again.
 */
export function readEntryFile(file: string, issues: ContentIssue[], limit = entryLimit(), contents?: string): ParsedEntryFile | undefined {
  if (contents !== undefined && !contents.includes('\uFFFD')) {
    const parsed = takeKeptParse(file, normaliseText(contents));
    if (parsed) return parsed;
  }
  const read = readContentText(file, limit);
  if (!read.ok) {
    issues.push(read.issue);
    return undefined;
  }
  const earlier = takeKeptParse(file, read.text);
  if (earlier) return earlier;
  const kept = parsedOnce();
  const split = splitEntry(read.text);
  if ('error' in split) {
    issues.push({ severity: 'error', file, key: '', message: split.error, line: split.line });
    return undefined;
  }
  let raw: unknown;
  try {
    raw = parseYamlStrict(split.frontmatter, 1);
  } catch (err) {
    issues.push(yamlIssue(file, err));
    return undefined;
  }
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push({ severity: 'error', file, key: '', message: 'the frontmatter must be a list of "key: value" lines', line: 2 });
    return undefined;
  }
  const before = issues.length;
  const data = cleanYamlValue(raw, file, issues) as Record<string, unknown>;
  if (issues.length > before) return undefined;
  const parsed = { data, source: split, text: read.text };
  kept?.set(file, { parsed, uses: 1 });
  return parsed;
}

/** Reads and parses one YAML file; problems are pushed to `issues` and give undefined. */
export function readYamlContentFile(file: string, issues: ContentIssue[], limit = yamlLimit()): { text: string; data: unknown } | undefined {
  const read = readContentText(file, limit);
  if (!read.ok) {
    issues.push(read.issue);
    return undefined;
  }
  let raw: unknown;
  try {
    raw = parseYamlStrict(read.text);
  } catch (err) {
    issues.push(yamlIssue(file, err));
    return undefined;
  }
  const before = issues.length;
  const data = cleanYamlValue(raw, file, issues);
  if (issues.length > before) return undefined;
  return { text: read.text, data };
}

function yamlIssue(file: string, err: unknown): ContentIssue {
  if (err instanceof YamlIssue) return { severity: 'error', file, key: '', message: err.message, line: err.line };
  return { severity: 'error', file, key: '', message: `invalid YAML: ${String((err as Error)?.message ?? err).split('\n')[0]}` };
}
