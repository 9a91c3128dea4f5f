// `npm run new`: scaffolds a valid entry. Missing values are asked for at the prompt when run in a
// terminal; without a terminal every required flag must be given.
// Usage: npm run new -- --question "..." --field <id> --owner <id> --levels commune,province
//                       [--summary "..."] [--topic "..."] [--status draft|published] [--dry-run]
//        npm run new -- --id <existing-id> --change "what changed, for readers" [--dry-run]
//          adds a public change note dated today to an existing entry and moves its `reviewed` to today.
// Thin: the work is in src/content/new-entry.ts.
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { LEVELS } from '../schema/index.ts';
import { contentRoot, displayPath } from '../content/root.ts';
import { buildDate } from '../content/dates.ts';
import { errorsOf, formatIssues } from '../content/issues.ts';
import { loadContent } from '../content/load-content.ts';
import { addChangeNoteToEntry, checkAnswer, scaffoldEntry, writeScaffold } from '../content/new-entry.ts';
import { fail, runCli } from '../node/fail.ts';

const { values } = parseArgs({
  options: {
    question: { type: 'string' },
    summary: { type: 'string' },
    field: { type: 'string' },
    owner: { type: 'string' },
    levels: { type: 'string' },
    topic: { type: 'string' },
    id: { type: 'string' },
    status: { type: 'string', default: 'draft' },
    change: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});

await runCli('npm run new', async () => {
  const today = buildDate();
  const { model, issues } = loadContent(contentRoot());
  const broken = errorsOf(issues);
  if (broken.length) fail(`the content root has errors; fix them first (npm run check):\n${formatIssues(broken)}`, 1);

  if (values.change !== undefined) {
    const { file, text } = addChangeNoteToEntry(model, values.id, values.change, today, values['dry-run']);
    if (values['dry-run']) process.stdout.write(text);
    else console.log(`Added a change note dated ${today} to ${displayPath(file)} (reviewed: ${today}). Run npm run check.`);
    return 0;
  }

  const interactive = process.stdin.isTTY && process.stdout.isTTY;
  const rl = interactive ? readline.createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  async function ask(flag: string, prompt: string, choices?: string[]): Promise<string> {
    const given = values[flag as keyof typeof values];
    if (typeof given === 'string' && given.trim()) return given.trim();
    if (!rl) return fail(`--${flag} is required${choices ? ` (one of: ${choices.join(', ')})` : ''}`, 2);
    if (choices) console.log(`${prompt}: ${choices.join(', ')}`);
    const answer = (await rl.question(`${prompt}? `)).trim();
    return answer || ask(flag, prompt, choices);
  }
  try {
    const question = await ask('question', 'Câu hỏi (question)');
    const field = await ask('field', 'Lĩnh vực (field id)', [...model.fields.keys()]);
    checkAnswer.field(model, field);
    const owner = await ask('owner', 'Đơn vị chủ trì (owner unit id)', [...model.units.keys()]);
    checkAnswer.owner(model, owner);
    const levels = await ask('levels', 'Cấp thực hiện (levels, comma-separated)', [...LEVELS]);
    checkAnswer.levels(levels);
    rl?.close();
    const scaffold = scaffoldEntry(model, { question, field, owner, levels, id: values.id, summary: values.summary, topic: values.topic, status: values.status! }, today);
    if (values['dry-run']) process.stdout.write(scaffold.text);
    else console.log(`Created ${displayPath(writeScaffold(scaffold, scaffold.text))} (status: ${scaffold.draft.status}). Edit the answer, then run npm run check.`);
  } finally {
    rl?.close();
  }
});
