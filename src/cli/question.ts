// `npm run question`: record and route received questions (see docs/questions.md).
//   add --field <id> --question "..." --asked-by "..." [--asked <ISO>] [--assign <unit>] [--contact "..."] [--id <id>]
//   add --from-email <file|->          a message in the ask form's format (stdin with -)
//   add --from-sheet <file.csv|.xlsx>  a portal's intake export, one question per row
//   assign <id> <unit>
//   consult <id> --reason "..."
//   decline <id> --reason "..."
//   answer <id> [--entry <existing entry id>] [--at <ISO>] [--summary "..."] [--levels commune,province] [--status draft|published]
// Thin: parses arguments, calls src/questions/*, prints what changed.
import { parseArgs } from 'node:util';
import { contentRoot, displayPath } from '../content/root.ts';
import { errorsOf, formatIssues } from '../content/issues.ts';
import { loadContent } from '../content/load-content.ts';
import { siteNow } from '../site.config.ts';
import { questionsToAdd } from '../questions/add.ts';
import { fail, runCli, CliError } from '../node/fail.ts';
import { answerQuestion } from '../questions/answer.ts';
import { formatVn } from '../questions/deadline.ts';
import { normalizeAskedTime } from '../questions/intake-sheet.ts';
import { updateQuestionFile, writeQuestionFile } from '../questions/record.ts';

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


await runCli('npm run question', main);

async function main(): Promise<void> {
  const [command, id, arg] = positionals;
  const root = contentRoot();
  const now = siteNow();
  const { model, issues } = loadContent(root);
  const broken = errorsOf(issues);
  if (broken.length) fail(`the content root has errors; fix them first (npm run check):\n${formatIssues(broken)}`, 1);
  const question = (qid: string | undefined) => {
    if (!qid) return fail(`${command} needs a question id`, 2);
    return model.questions.find((q) => q.id === qid) ?? fail(`no question with id "${qid}" in ${displayPath(root)}/questions/`, 1);
  };

  try {
    switch (command) {
      case 'add': {
        const flags = { field: values.field, question: values.question, asked_by: values['asked-by'], asked: values.asked, assigned_to: values.assign, contact: values.contact, id: values.id };
        const ready = await questionsToAdd(model, { fromSheet: values['from-sheet'], fromEmail: values['from-email'], flags }, now);
        for (const q of ready) console.log(`Recorded ${displayPath(writeQuestionFile(root, q))} (assigned to ${q.assigned_to})`);
        break;
      }
      case 'assign': {
        const q = question(id);
        const unit = arg ?? values.assign ?? fail('assign needs a unit id: npm run question -- assign <id> <unit>', 2);
        if (!model.units.has(unit)) fail(`unknown unit "${unit}"`, 1);
        updateQuestionFile(q.file, { assigned_to: unit });
        console.log(`${q.id}: assigned to ${unit}`);
        break;
      }
      case 'consult':
      case 'decline': {
        const q = question(id);
        const reason = values.reason?.trim() || fail(`${command} needs --reason "..."`, 2);
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
        if (status && status !== 'draft' && status !== 'published') fail('--status must be draft or published', 2);
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
        fail('usage: npm run question -- add|assign|consult|decline|answer ... (see docs/questions.md)', 2);
    }
  } catch (err) {
    // A module's own error (a bad file, a rule broken) is the user's to fix: print it, exit 1.
    if (err instanceof CliError) throw err;
    fail((err as Error).message, 1);
  }
}
