// `npm run handbook -- <field-id>|all [--level commune|province|ministry] [--since YYYY-MM-DD] [--out file.pdf] [--dist dir]`
//
// Prints the handbook of a field (or of every field) to an A4 PDF. The work is in src/handbook/print.ts;
// this file reads the command line and reports.
import { parseArgs } from 'node:util';
import { buildDate } from '../content/dates.ts';
import { HANDBOOK_USAGE, parseHandbookOptions } from '../handbook/options.ts';
import { fail, runCli } from '../node/fail.ts';
import { printHandbook } from '../handbook/print.ts';

const started = performance.now();
const step = (msg: string) => console.log(`[handbook ${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}`);

async function main(): Promise<void> {
  let args: { values: { level?: string; since?: string; out?: string; dist?: string }; positionals: string[] };
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { level: { type: 'string' }, since: { type: 'string' }, out: { type: 'string' }, dist: { type: 'string' } },
    });
  } catch (err) {
    return fail(`${(err as Error).message}\n${HANDBOOK_USAGE}`, 2);
  }
  const today = buildDate();
  const parsed = parseHandbookOptions(args.positionals, args.values, today);
  if (!parsed.ok) return fail(`${parsed.error}\n${HANDBOOK_USAGE}`, 2);
  // npm runs scripts in the project folder; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const result = await printHandbook({ options: parsed.options, cwd, today, log: step, warn: (msg) => console.warn(msg) });
  step(`done: ${result.outFile} (${result.pages} pages, ${result.entries} entries, ${Math.round(result.bytes / 1024)} KB)`);
}

await runCli('handbook', main);
