import { displayPath } from './root.ts';

/** A problem found in a content file. Errors fail the build; warnings are reported by `npm run check`. */
export interface ContentIssue {
  severity: 'error' | 'warning';
  /** Absolute path of the file. */
  file: string;
  /** The key at fault, as a path such as `legal_basis[1].ref`; empty for whole-file problems. */
  key: string;
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

export function formatIssue(issue: ContentIssue, cwd = process.cwd()): string {
  const where = displayPath(issue.file, cwd) + (issue.line ? `:${issue.line}` : '');
  const key = issue.key ? ` key "${issue.key}":` : '';
  return `${where}:${key} ${issue.message}`;
}

export function formatIssues(issues: ContentIssue[], cwd = process.cwd()): string {
  return issues.map((i) => `  ${i.severity === 'error' ? 'error' : 'warning'}  ${formatIssue(i, cwd)}`).join('\n');
}

export const errorsOf = (issues: ContentIssue[]) => issues.filter((i) => i.severity === 'error');

/** Line of a top-level key (`a` for `a.b` or `a[0]`) in the source text, 1-based, shifted by `lineOffset`. */
export function lineOfKey(source: string | undefined, key: string, lineOffset = 0): number | undefined {
  const top = key.split(/[.[]/)[0];
  if (!source || !top) return undefined;
  const i = source.split('\n').findIndex((l) => l.startsWith(`${top}:`));
  return i >= 0 ? i + 1 + lineOffset : undefined;
}
