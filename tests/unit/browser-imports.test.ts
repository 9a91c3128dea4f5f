// Code that ships to the browser (the search modules, page scripts, the service worker) must not
// import a Node built-in, directly or through a module it imports: Vite would stub or fail on it, and
// a Node-only helper slipping into src/search/ is how the bundle starts breaking. Pure: reads sources.
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BROWSER_DIRS = ['src/search', 'src/scripts', 'src/sw'];
const NODE_BUILTINS = new Set(builtinModules);

/** Module specifiers of static imports, re-exports and dynamic imports (type-only imports excluded). */
function importsOf(source: string): string[] {
  const specs: string[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const m of code.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) specs.push(m[1]);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  return specs;
}

const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);

/** Every Node built-in reached from `file` through relative imports, with the chain that reaches it. */
function nodeImportsReached(file: string, seen = new Set<string>(), chain: string[] = []): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const here = [...chain, path.relative(ROOT, file)];
  const found: string[] = [];
  for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
    if (isNodeBuiltin(spec)) found.push(`${here.join(' → ')} imports ${spec}`);
    else if (spec.startsWith('.')) {
      const target = path.resolve(path.dirname(file), spec);
      if (fs.existsSync(target) && /\.(ts|js|mjs)$/.test(target)) found.push(...nodeImportsReached(target, seen, here));
    }
  }
  return found;
}

const browserFiles = BROWSER_DIRS.flatMap((dir) =>
  fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(ROOT, dir, f)),
);

describe('browser-shipped modules import no Node built-in', () => {
  it('finds the browser modules', () => {
    expect(browserFiles.some((f) => f.endsWith(path.join('search', 'engine.ts')))).toBe(true);
    expect(browserFiles.some((f) => f.endsWith(path.join('scripts', 'search-page.ts')))).toBe(true);
  });

  it('the scanner sees direct, re-exported, dynamic and bare built-in imports, not type-only ones', () => {
    const specs = importsOf([
      "import fs from 'node:fs';",
      "import { join } from 'path';",
      "export { x } from './x.ts';",
      "import type { Y } from 'node:os';",
      "const m = await import('node:crypto');",
      "// import 'node:child_process';",
    ].join('\n'));
    expect(specs).toEqual(['node:fs', 'path', './x.ts', 'node:crypto']);
    expect(specs.filter(isNodeBuiltin)).toEqual(['node:fs', 'path', 'node:crypto']);
  });

  it.each(browserFiles.map((f) => [path.relative(ROOT, f), f]))('%s reaches no node: module', (_name, file) => {
    expect(nodeImportsReached(file)).toEqual([]);
  });
});
