// Runs the real production build (`npm run build`: src/cli/build.ts, astro build then the search index
// in its own process) on a content root, into a chosen folder. Used by tests and `npm run handbook`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT } from './project.ts';

/** Re-exported for the tests and tools that import it from here. */
export { PROJECT };
const BUILD = path.join(PROJECT, 'src/cli/build.ts');

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

export function buildSite(opts: { root?: string; outDir: string; env?: Record<string, string>; inherit?: boolean }): BuildResult {
  fs.rmSync(opts.outDir, { recursive: true, force: true });
  const name = path.basename(opts.outDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOIDAP_CACHE_DIR: path.join(PROJECT, '.cache/astro', name),
    ASTRO_TELEMETRY_DISABLED: '1',
    ...opts.env,
  };
  if (opts.root) env.HOIDAP_CONTENT = opts.root;
  // A test runner's own Vite variables (BASE_URL=/ …) must not leak into the site's build.
  for (const key of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(key) || key.startsWith('VITEST')) delete env[key];
  }
  const run = spawnSync(process.execPath, [BUILD, '--outDir', opts.outDir], {
    cwd: PROJECT,
    env,
    encoding: 'utf8',
    stdio: opts.inherit ? 'inherit' : 'pipe',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: run.status, output: `${run.stdout ?? ''}\n${run.stderr ?? ''}`, outDir: opts.outDir };
}

/** Every HTML file of a built site, as paths relative to the output folder. */
export function htmlFiles(outDir: string): string[] {
  return (fs.readdirSync(outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => f.split(path.sep).join('/')).sort();
}
