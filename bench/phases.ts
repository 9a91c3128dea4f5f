// Splits a build's wall time into phases from the marks of src/integrations/build-timings.ts and
// Astro's own timer (ASTRO_TIMER_PATH), and attributes the RSS samples to those phases.
import type { TimingsFile } from '../src/integrations/build-timings.ts';
import type { RssSample } from './proc.ts';

export interface Phase {
  /** Stable key, e.g. `content.validate`. */
  key: string;
  label: string;
  group: 'content' | 'render' | 'search' | 'other';
  start: number;
  end: number;
  ms: number;
  /** CPU time (user + system) of the build's process tree during the phase, ms (interpolated from the samples). */
  cpuMs: number;
  /** Highest RSS of the process tree seen during the phase (bytes), undefined when no sample fell in it. */
  peakRss?: number;
  /** Process that was largest at that peak (node, pagefind…). */
  peakProcess?: string;
}

export type AstroTimer = Record<string, { elapsedTime: number; heapUsedTotal?: number }>;

export const GROUP_LABELS: Record<Phase['group'], string> = {
  content: 'content loading',
  render: 'page rendering',
  search: 'search indexing',
  other: 'other outputs and overhead',
};

export function peakIn(samples: RssSample[], start: number, end: number): { rss: number; name: string } | undefined {
  let best: RssSample | undefined;
  for (const s of samples) if (s.t >= start && s.t < end && (!best || s.total > best.total)) best = s;
  return best ? { rss: best.total, name: best.top.name } : undefined;
}

interface Run {
  start: number;
  end: number;
  cpuMs: number;
  samples: RssSample[];
}

/** Cumulative CPU time of the run at time t, interpolated between samples (0 at start, cpuMs at end). */
export function cpuAt(run: Run, t: number): number {
  const points = [{ t: run.start, cpu: 0 }, ...run.samples.map((s) => ({ t: s.t, cpu: Math.min(s.cpu, run.cpuMs) })), { t: run.end, cpu: run.cpuMs }];
  if (t <= run.start) return 0;
  if (t >= run.end) return run.cpuMs;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (t <= b.t) return b.t === a.t ? b.cpu : a.cpu + ((b.cpu - a.cpu) * (t - a.t)) / (b.t - a.t);
  }
  return run.cpuMs;
}

function phase(key: string, label: string, group: Phase['group'], start: number | undefined, end: number | undefined, run: Run): Phase | undefined {
  if (start === undefined || end === undefined || end < start) return undefined;
  const peak = peakIn(run.samples, start, end);
  const cpuMs = Math.max(0, Math.round(cpuAt(run, end) - cpuAt(run, start)));
  return { key, label, group, start, end, ms: end - start, cpuMs, peakRss: peak?.rss, peakProcess: peak?.name };
}

/** Phases of the full product build, in order; they tile [run start, run end]. */
export function productPhases(run: Run & { code?: number | null }, timings: TimingsFile, timer: AstroTimer | undefined): Phase[] {
  const at = (name: string) => timings.marks.find((m) => m.name === name)?.at;
  const setup = timings.marks.find((m) => m.name.startsWith('config:setup'))?.at;
  const generated = at('build:generated');
  const staticMs = timer?.['Static generate']?.elapsedTime;
  const generateStart = generated !== undefined && staticMs !== undefined ? Math.round(generated - staticMs) : undefined;
  const lastMark = [...timings.marks].reverse().find((m) => m.name !== 'exit')?.at;
  // Between config:done and build:start Astro creates the Vite config, then syncs the content layer.
  const buildStart = at('build:start');
  const syncMs = timer?.['Sync content layer']?.elapsedTime;
  const syncStart = buildStart !== undefined && syncMs !== undefined ? Math.round(buildStart - syncMs) : undefined;
  const s = run;
  return [
    phase('other.startup', 'start-up: Node, Astro, config', 'other', run.start, setup, s),
    phase('content.validate', 'content guard: read + validate the root', 'content', setup, at('config:done'), s),
    phase('other.vite', 'Vite server set-up', 'other', at('config:done'), syncStart, s),
    phase('content.sync', 'content layer sync (glob loader, Markdown)', 'content', syncStart ?? at('config:done'), buildStart, s),
    phase('render.bundle', 'Vite bundling (prerender + client)', 'render', buildStart, generateStart ?? generated, s),
    phase('render.generate', 'static generation of every page', 'render', generateStart, generated, s),
    phase('other.generated', 'after generation (assets, hooks)', 'other', generated, at('search-index:start') ?? at('build:done'), s),
    phase('search.pagefind', 'Pagefind index (CLI, every shard)', 'search', at('search-index:start'), at('search-index:pagefind-done'), s),
    phase('search.vocabulary', 'typo vocabulary', 'search', at('search-index:pagefind-done'), at('search-index:end'), s),
    phase('other.hooks', 'other build:done hooks (security headers)', 'other', at('search-index:end'), at('precompress:start'), s),
    phase('other.precompress', 'precompress (.gz, .br)', 'other', at('precompress:start'), at('precompress:end'), s),
    run.code === undefined || run.code === 0
      ? phase('other.exit', 'exit', 'other', lastMark, run.end, s)
      : phase('other.failed', `FAILED: from "${[...timings.marks].reverse().find((m) => m.name !== 'exit')?.name}" to the crash`, 'other', lastMark, run.end, s),
  ].filter((p): p is Phase => p !== undefined);
}

export interface GroupTotal {
  group: Phase['group'];
  label: string;
  ms: number;
  cpuMs: number;
  peakRss?: number;
}

export function groupTotals(phases: Phase[]): GroupTotal[] {
  return (Object.keys(GROUP_LABELS) as Phase['group'][]).map((group) => {
    const list = phases.filter((p) => p.group === group);
    const peaks = list.map((p) => p.peakRss).filter((x): x is number => x !== undefined);
    return { group, label: GROUP_LABELS[group], ms: list.reduce((n, p) => n + p.ms, 0), cpuMs: list.reduce((n, p) => n + p.cpuMs, 0), peakRss: peaks.length ? Math.max(...peaks) : undefined };
  });
}

export interface RebuildPhase {
  key: string;
  label: string;
  ms: number;
  cpuMs: number;
  /** Share of the rebuild's CPU time, 0-1. */
  cpuShare: number;
  /** The same phase in the clean build. */
  cleanMs: number;
  cleanCpuMs: number;
}

/** The rebuild's phases that hold `share` of its CPU time, largest first, each beside the clean build's. */
export function dominantPhases(rebuilt: Phase[], clean: Phase[], share = 0.9): RebuildPhase[] {
  const total = rebuilt.reduce((n, p) => n + p.cpuMs, 0);
  const out: RebuildPhase[] = [];
  let held = 0;
  for (const p of [...rebuilt].sort((a, b) => b.cpuMs - a.cpuMs)) {
    if (total > 0 && held >= share * total) break;
    const c = clean.find((x) => x.key === p.key);
    out.push({ key: p.key, label: p.label, ms: p.ms, cpuMs: p.cpuMs, cpuShare: total ? p.cpuMs / total : 0, cleanMs: c?.ms ?? 0, cleanCpuMs: c?.cpuMs ?? 0 });
    held += p.cpuMs;
  }
  return out;
}
