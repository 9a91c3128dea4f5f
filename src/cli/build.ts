// `npm run build [-- astro build options]`: the production build in two processes, so their memory
// peaks do not add up (docs/scale.md):
//   1. `astro build` renders every page and writes the typo vocabulary, then exits, freeing the
//      content store, the prerender bundle and the content model (several GB at 50,000 entries);
//   2. this process then indexes the entry pages with Pagefind (checking the index holds exactly the
//      published entries), writes the service worker, the security headers and the .gz/.br copies.
// `astro build` alone still produces the same site, with those steps inside Astro's process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AFTER_ASTRO_ENV, readHandoff } from '../integrations/after-astro.ts';
import { mark, resumeTimings } from '../integrations/build-timings.ts';
import { finishSite } from '../integrations/finish-site.ts';

const project = path.resolve(import.meta.dirname, '../..');
const astro = path.join(project, 'node_modules/astro/bin/astro.mjs');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-build-'));
const handoffFile = path.join(tmp, 'after-astro.json');
try {
  const run = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    cwd: process.cwd(),
    env: { ...process.env, [AFTER_ASTRO_ENV]: handoffFile },
  });
  if (run.status !== 0) {
    process.exitCode = run.status ?? 1;
  } else {
    resumeTimings();
    mark('after-astro:start');
    const log = (level: string) => (msg: string) => console.log(`[build] ${level === 'warn' ? 'warning: ' : ''}${msg}`);
    await finishSite(readHandoff(handoffFile), { info: log('info'), warn: log('warn') });
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
