// `npm run question`: record and route received questions (see docs/questions.md).
//   add --field <id> --question "..." --asked-by "..." [--asked <ISO>] [--assign <unit>] [--contact "..."] [--id <id>]
//   add --from-email <file|->          a message in the ask form's format (stdin with -)
//   add --from-sheet <file.csv|.xlsx>  a portal's intake export, one question per row
//   assign <id> <unit>
//   consult <id> --reason "..."
//   decline <id> --reason "..."
//   answer <id> [--entry <existing entry id>] [--at <ISO>] [--summary "..."] [--levels commune,province] [--status draft|published]
// Thin: parses arguments, calls src/questions/*, prints what changed.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { contentRoot, displayPath } from '../content/root.ts';
import { errorsOf, formatIssues } from '../content/issues.ts';
import { loadContent } from '../content/load-content.ts';
import { fold } from '../search/fold.ts';
import { siteNow } from '../site.config.ts';
import { parseAskMessage } from '../questions/ask-message.ts';
import { answerQuestion } from '../questions/answer.ts';
import { formatVn } from '../questions/deadline.ts';
import { readQuestionSheet, normalizeAskedTime } from '../questions/intake-sheet.ts';
import { newQuestion, updateQuestionFile, writeQuestionFile, type NewQuestionInput } from '../questions/record.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    field: { type: 'string' },
    question: { type: 'string' },
    'asked-by': { type: 'string' },
    asked: { type: 'string' },
    assign: { type: 'string' },
    contact: { type: 'string' },
    id: { type: 'string' },
    'from-email': { type: 'string' },
    'from-sheet': { type: 'string' },
    reason: { type: 'string' },
    entry: { type: 'string' },
    'entry-id': { type: 'string' },
    at: { type: 'string' },
    summary: { type: 'string' },
    levels: { type: 'string' },
    status: { type: 'string' },
  },
});

const fail = (message: string, code = 2): never => {
  console.error(`npm run question: ${message}`);
  process.exit(code);
};

const [command, id, arg] = positionals;
const root = contentRoot();
const now = siteNow();
const { model, issues } = loadContent(root);
const broken = errorsOf(issues);
if (broken.length) fail(`the content root has errors; fix them first (npm run check):\n${formatIssues(broken)}`, 1);
const question = (qid: string | undefined) => {
  if (!qid) return fail(`${command} needs a question id`);
  return model.questions.find((q) => q.id === qid) ?? fail(`no question with id "${qid}" in ${displayPath(root)}/questions/`, 1);
};

try {
  switch (command) {
    case 'add': {
      const inputs: { where: string; input: Partial<NewQuestionInput> }[] = [];
      if (values['from-sheet']) {
        const byName = new Map([...model.fields].map(([fid, f]) => [fold(f.data.name), fid]));
        for (const r of await readQuestionSheet(values['from-sheet'], (name) => byName.get(fold(name)))) inputs.push({ where: `row ${r.row}`, input: r.input });
      } else if (values['from-email']) {
        const src = values['from-email'];
        const text = src === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(src, 'utf8');
        const m = parseAskMessage(text.normalize('NFC'));
        inputs.push({ where: src, input: { ...m, asked: values.asked ? normalizeAskedTime(values.asked) : undefined, assigned_to: values.assign, id: values.id } });
      } else {
        inputs.push({
          where: 'flags',
          input: { field: values.field, question: values.question, asked_by: values['asked-by'], asked: values.asked, assigned_to: values.assign, contact: values.contact, id: values.id },
        });
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
      // All or nothing: a sheet with one bad row writes nothing, so it can be fixed and run again.
      if (problems.length) fail(`nothing recorded:\n  ${problems.join('\n  ')}`, 1);
      for (const q of ready) console.log(`Recorded ${displayPath(writeQuestionFile(root, q))} (assigned to ${q.assigned_to})`);
      break;
    }
    case 'assign': {
      const q = question(id);
      const unit = arg ?? values.assign ?? fail('assign needs a unit id: npm run question -- assign <id> <unit>');
      if (!model.units.has(unit)) fail(`unknown unit "${unit}"`, 1);
      updateQuestionFile(q.file, { assigned_to: unit });
      console.log(`${q.id}: assigned to ${unit}`);
      break;
    }
    case 'consult':
    case 'decline': {
      const q = question(id);
      const reason = values.reason?.trim() || fail(`${command} needs --reason "..."`);
      if (q.data.status === 'answered') fail(`question "${q.id}" is already answered`, 1);
      if (command === 'consult') updateQuestionFile(q.file, { status: 'consulting', consult_reason: reason });
      else updateQuestionFile(q.file, { status: 'declined', declined_reason: reason });
      console.log(`${q.id}: ${command === 'consult' ? 'consulting' : 'declined'}`);
      break;
    }
    case 'answer': {
      question(id);
      const at = values.at ? normalizeAskedTime(values.at)! : formatVn(now);
      const status = values.status as 'draft' | 'published' | undefined;
      if (status && status !== 'draft' && status !== 'published') fail('--status must be draft or published');
      const r = answerQuestion(model, id!, {
        at,
        entry: values.entry,
        entryId: values['entry-id'],
        summary: values.summary,
        levels: values.levels?.split(/[\s,]+/).filter(Boolean),
        status,
      });
      if (r.entryFile) console.log(`Created ${displayPath(r.entryFile)}: write the answer, then run npm run check.`);
      console.log(`${id}: answered at ${at} by entry ${r.entryId} (${displayPath(r.questionFile)})`);
      break;
    }
    default:
      fail('usage: npm run question -- add|assign|consult|decline|answer ... (see docs/questions.md)');
  }
} catch (err) {
  fail((err as Error).message, 1);
}
