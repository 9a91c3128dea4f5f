// `npm run question -- add`: questions from the command line's flags, a message in the ask form's
// format, or a portal's intake sheet, checked all together before any is written.
import fs from 'node:fs';
import type { ContentModel } from '../content/model.ts';
import { fold } from '../search/fold.ts';
import { fail } from '../node/fail.ts';
import { parseAskMessage } from './ask-message.ts';
import { readQuestionSheet, normalizeAskedTime } from './intake-sheet.ts';
import { newQuestion, type NewQuestionInput } from './record.ts';
import type { QuestionData } from '../schema/index.ts';

export interface AddSource {
  /** A portal's intake export (.csv, .xlsx), one question per row. */
  fromSheet?: string;
  /** A message file in the ask form's format; `-` reads stdin. */
  fromEmail?: string;
  /** The question from flags (also the overrides for a message: asked, assigned_to, id). */
  flags: Partial<NewQuestionInput>;
}

/**
 * The new questions, ready to write. All or nothing: a sheet with one bad row yields none (CliError
 * naming every bad row), so it can be fixed and run again.
 */
export async function questionsToAdd(model: ContentModel, source: AddSource, now: Date): Promise<QuestionData[]> {
  const inputs: { where: string; input: Partial<NewQuestionInput> }[] = [];
  if (source.fromSheet) {
    const byName = new Map([...model.fields].map(([fid, f]) => [fold(f.data.name), fid]));
    for (const r of await readQuestionSheet(source.fromSheet, (name) => byName.get(fold(name)))) inputs.push({ where: `row ${r.row}`, input: r.input });
  } else if (source.fromEmail) {
    const src = source.fromEmail;
    const text = src === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(src, 'utf8');
    const m = parseAskMessage(text.normalize('NFC'));
    const { asked, assigned_to, id } = source.flags;
    inputs.push({ where: src, input: { ...m, asked: asked ? normalizeAskedTime(asked) : undefined, assigned_to, id } });
  } else {
    inputs.push({ where: 'flags', input: source.flags });
  }
  const taken = new Set(model.questions.map((q) => q.id));
  const problems: string[] = [];
  const ready = inputs.flatMap(({ where, input }) => {
    try {
      return [newQuestion(model, input as NewQuestionInput, now, taken)];
    } catch (err) {
      problems.push(`${where}: ${(err as Error).message}`);
      return [];
    }
  });
  if (problems.length) fail(`nothing recorded:\n  ${problems.join('\n  ')}`, 1);
  return ready;
}
