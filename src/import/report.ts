// The import report as people read it in a terminal.
import { displayPath } from '../content/root.ts';
import type { ImportReport } from './types.ts';

export function formatReport(report: ImportReport, cwd = process.cwd()): string {
  const lines: string[] = [];
  const drafts = report.created.filter((c) => c.status === 'draft');
  const published = report.created.length - drafts.length;
  const review = report.created.filter((c) => c.review.length > 0);
  const verb = report.dryRun ? 'Would create' : 'Created';

  lines.push(`Import of ${displayPath(report.input, cwd)} into ${displayPath(report.root, cwd)} (build date ${report.buildDate})${report.dryRun ? ' — dry run, nothing written' : ''}`);
  lines.push('');
  lines.push(`${verb} ${report.created.length} entr${report.created.length === 1 ? 'y' : 'ies'}: ${published} published, ${drafts.length} draft(s); ${review.length} need review; ${report.skipped.length} skipped.`);
  if (report.created.length) {
    lines.push('');
    lines.push(`${report.dryRun ? 'Entries (not written)' : 'Entries written'}:`);
    for (const c of report.created) lines.push(`  ${c.status === 'draft' ? 'draft    ' : 'published'}  ${displayPath(c.file, cwd)}  (${c.source})`);
  }
  if (drafts.length) {
    lines.push('');
    lines.push(`Drafts (${drafts.length}) — complete them, then delete "status: draft":`);
    for (const d of drafts) {
      lines.push(`  ${d.id} (${d.source}):`);
      for (const m of d.missing.length ? d.missing : ['marked as a draft in the file']) lines.push(`    - missing: ${m}`);
    }
  }
  if (review.length) {
    lines.push('');
    lines.push(`Needs review (${review.length}) — the reasons are also comments at the top of each file:`);
    for (const r of review) {
      lines.push(`  ${r.id} (${r.source}):`);
      for (const reason of r.review) lines.push(`    - ${reason}`);
    }
  }
  if (report.skipped.length) {
    lines.push('');
    lines.push(`Skipped, NOT imported (${report.skipped.length}):`);
    for (const s of report.skipped) lines.push(`  ${s.source}: ${s.reason}`);
  }
  if (report.notes.length) {
    lines.push('');
    lines.push('Notes:');
    for (const n of report.notes) lines.push(`  - ${n}`);
  }
  if (report.checkErrors.length) {
    lines.push('');
    lines.push(`npm run check found problems in the imported files (${report.checkErrors.length}):`);
    for (const e of report.checkErrors) lines.push(`  ${e}`);
  }
  lines.push('');
  if (report.ok) {
    lines.push(report.dryRun ? 'Dry run passed: run again without --dry-run to write the files.' : 'Import done. Next: review the files listed above, then run "npm run check".');
  } else if (report.skipped.length) {
    lines.push(`Import incomplete: ${report.skipped.length} row(s)/question(s) could not be converted (see "Skipped" above).`);
  } else {
    lines.push('Import finished with errors: fix the files listed above, then run "npm run check".');
  }
  return lines.join('\n');
}
