// TypeScript check of the project code (strict). Astro's generated types (.astro/) are created first
// when missing, which needs a content root that passes validation. The benchmark (bench/) is outside
// the app's scope and checked on its own: typeCheck('bench') (tests/bench/).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { astroBin, PROJECT } from '../node/project.ts';

/** Type-checks the TypeScript project of `dir` (a folder with a tsconfig.json, relative to the project root). */
export function typeCheck(dir = '.'): { ok: boolean; output: string } {
  const bin = (pkg: string, file: string) => path.join(PROJECT, 'node_modules', pkg, file);
  let output = '';
  if (!fs.existsSync(path.join(PROJECT, '.astro/types.d.ts'))) {
    const sync = spawnSync(process.execPath, [astroBin(), 'sync'], { cwd: PROJECT, encoding: 'utf8' });
    if (sync.status !== 0) return { ok: false, output: `astro sync failed:\n${sync.stdout}${sync.stderr}` };
  }
  const tsc = spawnSync(process.execPath, [bin('typescript', 'bin/tsc'), '--noEmit', '-p', path.resolve(PROJECT, dir)], { cwd: PROJECT, encoding: 'utf8' });
  output += `${tsc.stdout}${tsc.stderr}`.trim();
  return { ok: tsc.status === 0, output };
}
