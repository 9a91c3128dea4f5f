// `npm run import`: turns a department's spreadsheet (.xlsx, .csv) or Word document (.docx) of questions
// and answers into entries of the content root.
// Usage: npm run import -- <file.xlsx|file.csv|file.docx> --field <id> --owner <id>
//          [--out <dir>] [--mapping mapping.json] [--dry-run] [--force] [--json]
// Exit codes: 0 every row/question imported (drafts included); 1 some could not be converted, or the
// file is unusable (nothing written then); 2 wrong arguments, unknown field or owner.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../content/root.ts';
import { buildDate } from '../content/dates.ts';
import { formatReport } from '../import/report.ts';
import { runImport } from '../import/run.ts';
import { CliError, fail, runCli } from '../node/fail.ts';

const USAGE = `Usage: npm run import -- <file.xlsx|file.csv|file.docx> --field <field-id> --owner <unit-id>
         [--out <dir>] [--mapping mapping.json] [--dry-run] [--force] [--json]

  --field     field for rows that name none (fields/<id>.yaml)
  --owner     owning unit for rows that name none (units/<id>.yaml)
  --out       folder for the new entries (default: <content root>/entries/<field>/imported/)
  --mapping   JSON file mapping column headers to entry keys, e.g. {"Nội dung": "body", "Ghi chú": null}
  --dry-run   convert and report, write nothing
  --force     also import questions the content root already has (they get a new id)
  --json      print the report as JSON
The content root is ./content, or HOIDAP_CONTENT when set. See docs/import.md.`;

let json = false;
// With --json a failure is a JSON object on stdout, so scripts read one format.
const print = (err: CliError) => {
  if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: err.message, exitCode: err.code }, null, 2)}\n`);
  else console.error(`import: ${err.message}`);
};

await runCli('import', main, print);

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        field: { type: 'string' },
        owner: { type: 'string' },
        out: { type: 'string' },
        mapping: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return fail(`${(err as Error).message}\n\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  json = values.json;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) fail(`${positionals.length ? 'give one file at a time' : 'no file given'}\n\n${USAGE}`, 2);
  if (!values.field || !values.owner) fail(`--field and --owner are required\n\n${USAGE}`, 2);

  const report = await runImport({
    input: positionals[0],
    root: contentRoot(),
    field: values.field,
    owner: values.owner,
    out: values.out ? path.resolve(values.out) : undefined,
    mapping: values.mapping,
    dryRun: values['dry-run'],
    force: values.force,
    today: buildDate(),
  });
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else console.log(formatReport(report));
  return report.ok ? 0 : 1;
}
