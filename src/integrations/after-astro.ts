// `npm run build` (src/cli/build.ts) runs the search index, the service worker, the security headers
// and precompression in its own process after `astro build` has exited, so Pagefind's memory peak
// does not add up with Astro's (docs/scale.md). It tells the Astro process so through this variable,
// naming a file where the Astro process leaves what those later steps need; the integrations then skip
// those steps in `astro:build:done`. Without it (`astro build` run alone) they run inside Astro as
// before, and the output is the same.
import fs from 'node:fs';
import type { PlannedShard } from '../search/shards.ts';

export const AFTER_ASTRO_ENV = 'HOIDAP_AFTER_ASTRO';

/** What the Astro process hands to the step that runs after it. */
export interface AfterAstroHandoff {
  /** The built site's folder. */
  outDir: string;
  /** The search index's shards: each must hold exactly its published entries (src/search/shards.ts). */
  shards: PlannedShard[];
}

/** The hand-off file when the steps after Astro run in their own process, else undefined. */
export function afterAstroFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[AFTER_ASTRO_ENV]?.trim() || undefined;
}

export function writeHandoff(file: string, handoff: AfterAstroHandoff): void {
  fs.writeFileSync(file, JSON.stringify(handoff));
}

export function readHandoff(file: string): AfterAstroHandoff {
  if (!fs.existsSync(file)) throw new Error(`astro build left no hand-off file ${file}: did it run the site's integrations?`);
  const h = JSON.parse(fs.readFileSync(file, 'utf8')) as AfterAstroHandoff;
  if (typeof h.outDir !== 'string' || !Array.isArray(h.shards)) throw new Error(`hand-off file ${file} is malformed`);
  return h;
}
