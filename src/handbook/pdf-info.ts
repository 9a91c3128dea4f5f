// poppler's pdfinfo, which tells the printer how many pages a pass printed and on which page each
// question starts (the PDF's named destinations).
import { spawnSync } from 'node:child_process';
import { parseDests } from './model.ts';
import { fail } from './errors.ts';

/** Fails with an install hint when pdfinfo is missing. */
export function requirePdfinfo(): void {
  const run = spawnSync('pdfinfo', ['-v'], { encoding: 'utf8' });
  if (run.error) fail("pdfinfo is needed to number the table of contents. Install Debian's package: apt-get install -y poppler-utils");
}

export function pdfinfo(args: string[]): string {
  const run = spawnSync('pdfinfo', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) fail(`pdfinfo ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

export function pdfPages(file: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(pdfinfo([file]));
  if (!m) return fail(`pdfinfo did not report the page count of ${file}`);
  return Number(m[1]);
}

/** Page of each named destination of the PDF. */
export const pdfDests = (file: string) => parseDests(pdfinfo(['-dests', file]));
