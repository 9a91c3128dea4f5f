// Where the project is on disk, and the Astro binary inside it: defined once for CLIs, tests and the
// benchmark (which passes its own snapshot of the project).
import path from 'node:path';

/** The project's root folder (where package.json is). */
export const PROJECT = path.resolve(import.meta.dirname, '../..');

/** Astro's command-line entry point in a project's node_modules, run with `node`. */
export function astroBin(project = PROJECT): string {
  return path.join(project, 'node_modules/astro/bin/astro.mjs');
}
