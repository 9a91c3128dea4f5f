// Reads `questions/**/*.yaml` and `calendar.yaml` of a content root. Both are optional: a root
// without them has no questions and a calendar of plain weekends. The YAML reader is injected so the
// content reader's hardened file reading (src/content/load-content.ts) applies here too.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { calendarSchema, questionSchema, type CalendarData, type QuestionData } from '../schema/index.ts';
import type { ContentIssue } from '../content/issues.ts';
import type { Sourced } from '../content/model.ts';

export type QuestionRecord = Sourced<QuestionData>;

/** Reads one YAML file; reports a parse error in `issues` and gives undefined. */
export type YamlReader = (file: string, issues: ContentIssue[]) => { source: string; raw: unknown } | undefined;
export type SchemaIssues = (file: string, source: string, data: unknown, error: import('astro/zod').z.ZodError) => ContentIssue[];

/** Plain reader for callers outside the content guard (pages reading a root the guard already checked). */
export const plainYamlReader: YamlReader = (file, issues) => {
  const source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').normalize('NFC');
  try {
    return { source, raw: YAML.parse(source, { schema: 'core', uniqueKeys: true }) };
  } catch (err) {
    issues.push({ severity: 'error', file, key: '', message: `invalid YAML: ${String((err as Error).message).split('\n')[0]}` });
    return undefined;
  }
};

const simpleSchemaIssues: SchemaIssues = (file, _source, _data, error) =>
  error.issues.map((i) => ({ severity: 'error' as const, file, key: i.path.map(String).join('.'), message: i.message }));

function listYaml(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .filter((f) => !path.relative(dir, f).split(path.sep).some((part) => part.startsWith('.')))
    .sort();
}

export interface QuestionsRead {
  questions: QuestionRecord[];
  /** Ids of question files that failed their schema (already reported). */
  rejected: Set<string>;
}

export function loadQuestions(
  root: string,
  issues: ContentIssue[],
  read: YamlReader = plainYamlReader,
  toIssues: SchemaIssues = simpleSchemaIssues,
  files: (dir: string) => string[] = listYaml,
): QuestionsRead {
  const questions: QuestionRecord[] = [];
  const rejected = new Set<string>();
  for (const file of files(path.join(root, 'questions'))) {
    if (path.extname(file) !== '.yaml') {
      issues.push({ severity: 'error', file, key: '', message: 'unexpected file: questions/ holds one <question-id>.yaml file per question' });
      continue;
    }
    const got = read(file, issues);
    if (!got) continue;
    const parsed = questionSchema.safeParse(got.raw ?? {});
    if (!parsed.success) {
      issues.push(...toIssues(file, got.source, got.raw, parsed.error));
      const rawId = (got.raw as { id?: unknown } | null)?.id;
      if (typeof rawId === 'string') rejected.add(rawId);
      continue;
    }
    questions.push({ id: parsed.data.id, file, data: parsed.data });
  }
  return { questions, rejected };
}

export const EMPTY_CALENDAR: CalendarData = { holidays: [], workdays: [] };

export function loadCalendar(
  root: string,
  issues: ContentIssue[],
  read: YamlReader = plainYamlReader,
  toIssues: SchemaIssues = simpleSchemaIssues,
): { file: string | undefined; data: CalendarData } {
  const file = path.join(root, 'calendar.yaml');
  if (!fs.existsSync(file)) return { file: undefined, data: EMPTY_CALENDAR };
  const got = read(file, issues);
  if (!got) return { file, data: EMPTY_CALENDAR };
  const parsed = calendarSchema.safeParse(got.raw ?? {});
  if (!parsed.success) {
    issues.push(...toIssues(file, got.source, got.raw, parsed.error));
    return { file, data: EMPTY_CALENDAR };
  }
  return { file, data: parsed.data };
}
