// Checks one hostile entry body the way `npm run check` does: writes it after a safe line into a copy of
// the minimal root and returns the first `body` issue with the text of the line it names.
import fs from 'node:fs';
import path from 'node:path';
import { readContentRoot } from '../../src/content/read-root.ts';
import type { ContentIssue } from '../../src/content/issues.ts';
import { FIXTURE_TODAY, makeRoot } from './fixture-root.ts';

export const BODY_FILE = 'entries/a/hanh-lang.md';

export function checkHostileBody(entry: string, body: string, gap = '\n\n'): { issue?: ContentIssue; file: string; lineText?: string } {
  const root = makeRoot({ [BODY_FILE]: `${entry.trimEnd()}\n\nDòng an toàn.${gap}${body}` });
  const { issues } = readContentRoot(root, FIXTURE_TODAY);
  const issue = issues.find((i) => i.key === 'body');
  const lineText = issue?.line ? fs.readFileSync(issue.file, 'utf8').split('\n')[issue.line - 1] : undefined;
  return { issue, file: path.join(root, BODY_FILE), lineText };
}
