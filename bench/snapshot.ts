// A private copy of the project for the benchmark's builds. Astro writes build state into the project
// root whatever the outDir and cacheDir (`.astro/content-modules.mjs`, and `.astro/.prerender/` when
// the outDir is outside the working directory), so two `astro build`s running at once in the same
// checkout (a test run and a benchmark) overwrite each other's files and fail or render the wrong
// MDX modules. A long benchmark also must not pick up files edited while it runs. The copy holds the
// config, src/ (the code measured, as it was when the benchmark started) and the bare pipeline
// (bench/bare), and a node_modules folder of symlinks to the project's packages, so Vite's caches land
// in the copy too.
import fs from 'node:fs';
import path from 'node:path';

const FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json'];
const DIRS = ['src', 'public', 'bench/bare'];

export function snapshotProject(project: string, dest: string): string {
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  for (const f of FILES) if (fs.existsSync(path.join(project, f))) fs.copyFileSync(path.join(project, f), path.join(dest, f));
  for (const d of DIRS) {
    const from = path.join(project, d);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(dest, d), {
      recursive: true,
      filter: (src) => !/[/\\](node_modules|\.astro)([/\\]|$)/.test(path.relative(project, src)),
    });
  }
  const modules = path.join(dest, 'node_modules');
  fs.mkdirSync(modules);
  for (const name of fs.readdirSync(path.join(project, 'node_modules'))) {
    if (name === '.vite' || name === '.astro' || name === '.cache') continue;
    fs.symlinkSync(path.join(project, 'node_modules', name), path.join(modules, name));
  }
  return dest;
}
