// "Reviewed moved, the answer changed, and nothing was noted": the check behind the GOV.UK model of
// change notes. A review that only confirms an answer needs no note; a review that changes what the
// answer says should tell readers what changed (a `changes` note). Pure: the caller reads the previous
// version of each file (src/node/git-versions.ts) and passes both texts.
import matter from 'gray-matter';
import YAML from 'yaml';
import type { ContentIssue } from '../content/issues.ts';

interface EntryVersion {
  reviewed: string | undefined;
  summary: string | undefined;
  body: string;
  /** `date note` of each change note, to tell which notes are new. */
  notes: Set<string>;
}

const asDate = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v : undefined);

/** Whitespace-insensitive form of answer text: re-wrapping a paragraph is not a change. */
const squash = (s: string | undefined) => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

/** Reads the keys this check compares; undefined when the text is not an entry with frontmatter. */
export function readVersion(source: string): EntryVersion | undefined {
  if (!/^---\r?\n/.test(source)) return undefined;
  try {
    const parsed = matter(source, { engines: { yaml: (s) => (YAML.parse(s, { schema: 'core' }) ?? {}) as object } });
    const data = parsed.data as Record<string, unknown>;
    const changes = Array.isArray(data.changes) ? (data.changes as unknown[]) : [];
    const notes = new Set(
      changes.map((c) => {
        const item = (c ?? {}) as Record<string, unknown>;
        return `${asDate(item.date) ?? ''} ${squash(String(item.note ?? ''))}`;
      }),
    );
    return { reviewed: asDate(data.reviewed), summary: typeof data.summary === 'string' ? data.summary : undefined, body: parsed.content, notes };
  } catch {
    return undefined;
  }
}

/**
 * What changed without a note between two versions of one entry file, or undefined when nothing did:
 * `reviewed` moved, the answer (body or summary) changed, and no change note was added.
 */
export function unnotedChange(previous: string, current: string): { parts: string[]; from: string; to: string } | undefined {
  const before = readVersion(previous);
  const after = readVersion(current);
  if (!before || !after || !before.reviewed || !after.reviewed) return undefined;
  if (before.reviewed === after.reviewed) return undefined;
  const parts: string[] = [];
  if (squash(before.body) !== squash(after.body)) parts.push('answer text');
  if (squash(before.summary) !== squash(after.summary)) parts.push('summary');
  if (parts.length === 0) return undefined;
  const added = [...after.notes].some((n) => !before.notes.has(n));
  if (added) return undefined;
  return { parts, from: before.reviewed, to: after.reviewed };
}

/** Warnings for every file whose previous version is known (absolute path → previous text). */
export function unnotedChangeWarnings(files: Iterable<{ file: string; source: string }>, previous: Map<string, string>): ContentIssue[] {
  const out: ContentIssue[] = [];
  for (const { file, source } of files) {
    const prev = previous.get(file);
    if (prev === undefined) continue;
    const change = unnotedChange(prev, source);
    if (!change) continue;
    out.push({
      severity: 'warning',
      file,
      key: 'changes',
      message:
        `reviewed moved from ${change.from} to ${change.to} and the ${change.parts.join(' and ')} changed, but no change note was added: ` +
        'if readers should know, add one under `changes` (date and note); a confirmation or typo fix needs none',
    });
  }
  return out;
}
