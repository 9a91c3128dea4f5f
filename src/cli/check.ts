// `npm run check`: validates the content root against the contract without building the site, then
// type-checks the code. Usage: npm run check -- [--json] [--strict] [--skip-types]
// Exit code 1 when there are errors (or warnings with --strict).
import { parseArgs } from 'node:util';
import { contentRoot, displayPath } from '../lib/content-root.ts';
import { buildDate } from '../lib/dates.ts';
import { errorsOf, formatIssues } from '../lib/issues.ts';
import { readContentRoot } from '../lib/read-content-root.ts';
import { typeCheck } from './typecheck.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    'skip-types': { type: 'boolean', default: false },
  },
});
const root = contentRoot();
const today = buildDate();
const { model, issues } = readContentRoot(root, today);
const errors = errorsOf(issues);
const warnings = issues.filter((i) => i.severity === 'warning');
// Types are checked only for valid content: generating Astro's types loads the content root.
const types = values['skip-types'] || errors.length > 0 ? undefined : typeCheck();
const failed = errors.length > 0 || (values.strict && warnings.length > 0) || types?.ok === false;
const counts = {
  entries: model.entries.length,
  published: model.entries.filter((e) => e.data.status === 'published').length,
  drafts: model.entries.filter((e) => e.data.status === 'draft').length,
  superseded: model.entries.filter((e) => e.data.status === 'superseded').length,
  fields: model.fields.size,
  units: model.units.size,
  documents: model.documents.size,
};

if (values.json) {
  const out = { root, buildDate: today, ok: !failed, counts, errors, warnings, types };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  console.log(`Content root: ${displayPath(root)} (build date ${today})`);
  console.log(
    `${counts.published} published, ${counts.drafts} draft, ${counts.superseded} superseded entries; ` +
      `${counts.fields} fields, ${counts.units} units, ${counts.documents} documents`,
  );
  if (errors.length) console.log(`\n${errors.length} error(s):\n${formatIssues(errors)}`);
  if (warnings.length) console.log(`\n${warnings.length} warning(s):\n${formatIssues(warnings)}`);
  if (types) console.log(types.ok ? '\nTypes: ok' : `\nType errors:\n${types.output}`);
  console.log(failed ? '\nCheck failed.' : '\nCheck passed.');
}
process.exitCode = failed ? 1 : 0;
