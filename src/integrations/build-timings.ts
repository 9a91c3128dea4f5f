// Phase timestamps of a production build, for the scale benchmark (`npm run bench`). Inactive unless
// HOIDAP_BUILD_TIMINGS names a file: then every Astro build hook, and the steps that call mark(),
// record a wall-clock timestamp and the heap/RSS of this process, written as JSON at each mark (so a
// build that runs out of memory still leaves its phases). Costs nothing when the variable is unset.
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';

export interface TimingMark {
  name: string;
  /** Milliseconds since the epoch (Date.now() precision is enough for phases of seconds). */
  at: number;
  rss: number;
  heapUsed: number;
}

export interface TimingsFile {
  pid: number;
  /** When the Node process started (epoch ms). */
  processStart: number;
  marks: TimingMark[];
}

interface State {
  file: string;
  data: TimingsFile;
}

// One state per process, even if this module is instantiated more than once (config and build
// bundles may load it separately).
const KEY = Symbol.for('hoidap.buildTimings');
const store = globalThis as unknown as Record<symbol, State | undefined | null>;

function state(): State | undefined {
  if (store[KEY] !== undefined) return store[KEY] ?? undefined;
  const file = process.env.HOIDAP_BUILD_TIMINGS?.trim();
  if (!file) {
    store[KEY] = null;
    return undefined;
  }
  const s: State = { file: path.resolve(file), data: { pid: process.pid, processStart: Math.round(performance.timeOrigin), marks: [] } };
  store[KEY] = s;
  process.on('exit', () => mark('exit'));
  return s;
}

/** Written at every mark (a dozen small writes), so a build that crashes still leaves its phases. */
function save(s: State): void {
  fs.mkdirSync(path.dirname(s.file), { recursive: true });
  fs.writeFileSync(s.file, JSON.stringify(s.data, null, 2));
}

/**
 * Continues the marks another process wrote to the same file: `npm run build` (src/cli/build.ts)
 * calls it once `astro build` has exited, before the steps it runs itself.
 */
export function resumeTimings(): void {
  const s = state();
  if (!s || !fs.existsSync(s.file)) return;
  const before = JSON.parse(fs.readFileSync(s.file, 'utf8')) as TimingsFile;
  s.data = { ...before, marks: [...before.marks, ...s.data.marks] };
}

/** Records a named point of the build when HOIDAP_BUILD_TIMINGS is set. */
export function mark(name: string): void {
  const s = state();
  if (!s) return;
  const m = process.memoryUsage();
  s.data.marks.push({ name, at: Date.now(), rss: m.rss, heapUsed: m.heapUsed });
  save(s);
}

export function buildTimings(): AstroIntegration {
  return {
    name: 'hoidap:build-timings',
    hooks: {
      'astro:config:setup': ({ command }) => mark(`config:setup:${command}`),
      'astro:config:done': () => mark('config:done'),
      'astro:build:start': () => mark('build:start'),
      'astro:build:setup': ({ target }) => mark(`build:setup:${target}`),
      'astro:build:ssr': () => mark('build:ssr'),
      'astro:build:generated': () => mark('build:generated'),
      'astro:build:done': () => mark('build:done'),
    },
  };
}
