// Summarises a V8 CPU profile (`node --cpu-prof`) of a build: self time per package or project file,
// the hottest functions, and inclusive time of the project's own modules (pages, components, lib).
import fs from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by package (node_modules/<pkg>), project file (src/…), or V8/Node internals. */
  byOwner: { owner: string; ms: number }[];
  topSelf: { fn: string; where: string; ms: number }[];
  /** Inclusive time of project files (what the project's code costs, callees included). */
  projectInclusive: { where: string; ms: number }[];
}

/** Who owns a script URL: `astro`, `pagefind`, `src/publish/qr.ts`, `build:chunks/qr.mjs`, `(node internals)`, `(gc)`. */
export function ownerOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return '(node internals)';
  const src = /\/(src\/.+?)(?:\?.*)?$/.exec(url);
  if (src) return src[1];
  // The project's pages and components as bundled by the build (chunk names keep module names).
  const built = /\/(?:site|dist|bare-site)\/(.+?)(?:\?.*)?$/.exec(url);
  if (built) return `build:${built[1].replace(/\.prerender\//, '').replace(/_[A-Za-z0-9-]{8}\.mjs$/, '.mjs')}`;
  return url.replace(/^file:\/\//, '');
}

export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const totalUs = profile.endTime - profile.startTime;

  const owners = new Map<string, number>();
  const fns = new Map<string, { fn: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const owner = ownerOf(url, functionName);
    owners.set(owner, (owners.get(owner) ?? 0) + us);
    const key = `${functionName}@${url}:${lineNumber}`;
    const entry = fns.get(key) ?? { fn: functionName || '(anonymous)', where: `${owner}:${lineNumber + 1}`, us: 0 };
    entry.us += us;
    fns.set(key, entry);
  }

  // Inclusive time per project file, counting each sample once per file on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const { url, functionName } = byId.get(cur)!.callFrame;
      const owner = ownerOf(url, functionName);
      if ((owner.startsWith('src/') || owner.startsWith('build:')) && !seen.has(owner)) {
        seen.add(owner);
        inclusive.set(owner, (inclusive.get(owner) ?? 0) + us);
      }
    }
  }
  const ms = (us: number) => Math.round(us / 1000);
  return {
    totalMs: ms(totalUs),
    byOwner: [...owners].map(([owner, us]) => ({ owner, ms: ms(us) })).sort((a, b) => b.ms - a.ms).slice(0, top),
    topSelf: [...fns.values()].map((f) => ({ fn: f.fn, where: f.where, ms: ms(f.us) })).sort((a, b) => b.ms - a.ms).slice(0, top),
    projectInclusive: [...inclusive].map(([where, us]) => ({ where, ms: ms(us) })).sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}

interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

export interface HeapSummary {
  totalBytes: number;
  byOwner: { owner: string; bytes: number }[];
  topSites: { fn: string; where: string; bytes: number; stack: string[] }[];
}

/**
 * Summarises a sampling heap profile (`node --heap-prof`, written at exit): the allocations still
 * alive when the process ended, by owner and by allocation site (with the project frames above it).
 */
export function summarizeHeapProfile(file: string, top = 20): HeapSummary {
  const { head } = JSON.parse(fs.readFileSync(file, 'utf8')) as { head: HeapNode };
  const owners = new Map<string, number>();
  const sites = new Map<string, { fn: string; where: string; bytes: number; stack: string[] }>();
  let total = 0;
  const walk = (node: HeapNode, stack: CallFrame[]) => {
    const path = [...stack, node.callFrame];
    if (node.selfSize > 0) {
      total += node.selfSize;
      const { functionName, url, lineNumber } = node.callFrame;
      const owner = ownerOf(url, functionName);
      owners.set(owner, (owners.get(owner) ?? 0) + node.selfSize);
      const key = `${functionName}@${url}:${lineNumber}`;
      const project = path
        .map((f) => ({ f, o: ownerOf(f.url, f.functionName) }))
        .filter(({ o }) => o.startsWith('src/') || o.startsWith('build:'))
        .map(({ f, o }) => `${f.functionName || '(anonymous)'} ${o}:${f.lineNumber + 1}`);
      const site = sites.get(key) ?? { fn: functionName || '(anonymous)', where: `${owner}:${lineNumber + 1}`, bytes: 0, stack: project.slice(-4).reverse() };
      site.bytes += node.selfSize;
      sites.set(key, site);
    }
    for (const c of node.children) walk(c, path);
  };
  walk(head, []);
  return {
    totalBytes: total,
    byOwner: [...owners].map(([owner, bytes]) => ({ owner, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, top),
    topSites: [...sites.values()].sort((a, b) => b.bytes - a.bytes).slice(0, top),
  };
}
