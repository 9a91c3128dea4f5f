// `npm run check`: validates the content root against the contract without building the site,
// reports what owners must review (overdue and soon-due reviews per owner, legal basis changed,
// no legal basis, near-duplicate questions, related links readers cannot follow, orphan units),
// then type-checks the code.
// Also lists, per unit, overdue open questions and questions consulting for more than 5 working days.
// Usage: npm run check -- [--json] [--strict] [--similarity 0.75] [--skip-types]
// Exit code 1 when there are errors (or warnings with --strict).
import { parseArgs } from 'node:util';
import { contentRoot, displayPath } from '../content/root.ts';
import { buildDate } from '../content/dates.ts';
import { errorsOf, formatIssues } from '../content/issues.ts';
import { readContentRoot } from '../content/read-root.ts';
import { typeCheck } from './typecheck.ts';
import { DEFAULT_SIMILARITY } from '../review/duplicates.ts';
import { reviewReport } from '../review/report.ts';
import { unnotedChangeWarnings } from '../review/unnoted-changes.ts';
import { previousEntryVersions } from '../node/git-versions.ts';
import fs from 'node:fs';
import { questionCheckReport } from '../questions/check-report.ts';
import { siteNow } from '../site.config.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    'skip-types': { type: 'boolean', default: false },
    similarity: { type: 'string', default: String(DEFAULT_SIMILARITY) },
  },
});
const root = contentRoot();
const today = buildDate();
const now = siteNow();
const { model, issues } = readContentRoot(root, today, now);
const threshold = Number(values.similarity);
if (!(threshold > 0 && threshold <= 1)) {
  console.error(`--similarity must be a number in (0, 1], got "${values.similarity}"`);
  process.exit(2);
}
const errors = errorsOf(issues);
// Advisory reports only make sense on content that passed validation.
const report = errors.length === 0 ? reviewReport(model, today, threshold) : undefined;
// Answers changed at a review without a public change note (only when git knows the previous version).
const previous = report ? previousEntryVersions(root).files : new Map<string, string>();
const unnoted = unnotedChangeWarnings(
  model.entries.filter((e) => previous.has(e.file)).map((e) => ({ file: e.file, source: fs.readFileSync(e.file, 'utf8').normalize('NFC') })),
  previous,
);
const questionReport = errors.length === 0 ? questionCheckReport(model, now) : undefined;
const warnings = [...issues.filter((i) => i.severity === 'warning'), ...(report?.warnings ?? []), ...unnoted, ...(questionReport?.warnings ?? [])];
// Types are checked only for valid content: generating Astro's types loads the content root.
const types = values['skip-types'] || errors.length > 0 ? undefined : typeCheck();
const failed = errors.length > 0 || (values.strict && warnings.length > 0) || types?.ok === false;
const counts = {
  entries: model.entries.length,
  published: model.entries.filter((e) => e.data.status === 'published').length,
  drafts: model.entries.filter((e) => e.data.status === 'draft').length,
  superseded: model.entries.filter((e) => e.data.status === 'superseded').length,
  withdrawn: model.entries.filter((e) => e.data.status === 'withdrawn').length,
  fields: model.fields.size,
  units: model.units.size,
  documents: model.documents.size,
};

if (values.json) {
  const review = report && {
    owners: report.owners,
    noLegalBasis: report.noLegalBasis,
    duplicates: report.duplicates,
  };
  const out = { root, buildDate: today, ok: !failed, counts, errors, warnings, review, questions: questionReport, types };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  console.log(`Content root: ${displayPath(root)} (build date ${today})`);
  console.log(
    `${counts.published} published, ${counts.drafts} draft, ${counts.superseded} superseded, ${counts.withdrawn} withdrawn entries; ` +
      `${counts.fields} fields, ${counts.units} units, ${counts.documents} documents`,
  );
  if (errors.length) console.log(`\n${errors.length} error(s):\n${formatIssues(errors)}`);
  if (report) {
    console.log('\nReviews by owner:');
    if (report.owners.length === 0) console.log('  nothing overdue, due within 30 days or with a changed legal basis');
    for (const o of report.owners) {
      console.log(`  ${o.owner}: ${o.overdue.length} overdue, ${o.dueSoon.length} due within 30 days, ${o.legalChanged.length} with legal basis changed`);
      for (const i of o.overdue) console.log(`    overdue since ${i.due}: ${i.id}`);
      for (const i of o.dueSoon) console.log(`    due ${i.due}: ${i.id}`);
      for (const l of o.legalChanged) console.log(`    legal basis changed (${l.documents.map((d) => `${d.number} ${d.status} ${d.changed}`).join('; ')}): ${l.id}`);
    }
    if (report.duplicates.length) {
      console.log(`\nNear-duplicate questions (similarity >= ${threshold}):`);
      for (const d of report.duplicates) console.log(`  ${d.score.toFixed(3)}  ${d.a}  ~  ${d.b}`);
    }
  }
  if (questionReport && questionReport.counts.questions > 0) {
    const c = questionReport.counts;
    console.log(`\nQuestions (now ${questionReport.now}): ${c.open} open, ${c.consulting} consulting, ${c.answered} answered, ${c.declined} declined`);
    if (questionReport.units.length === 0) console.log('  nothing overdue, no question consulting for more than 5 working days');
    for (const u of questionReport.units) {
      console.log(`  ${u.unit}: ${u.overdue.length} overdue open, ${u.longConsulting.length} consulting more than 5 working days`);
      for (const q of u.overdue) console.log(`    overdue since ${q.deadline}: ${q.id}`);
      for (const q of u.longConsulting) console.log(`    consulting for ${q.workingDays} working days: ${q.id}`);
    }
  }
  if (warnings.length) console.log(`\n${warnings.length} warning(s):\n${formatIssues(warnings)}`);
  if (types) console.log(types.ok ? '\nTypes: ok' : `\nType errors:\n${types.output}`);
  console.log(failed ? '\nCheck failed.' : '\nCheck passed.');
}
process.exitCode = failed ? 1 : 0;
