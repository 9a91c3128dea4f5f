// Runs a command and samples the resident memory (VmRSS) of it and every descendant process (the
// Pagefind binary, git) from /proc every ~100 ms. Linux only; elsewhere the samples are empty.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface RssSample {
  /** Epoch ms. */
  t: number;
  /** CPU time (user + system) used so far by every process of the tree seen until then, ms. */
  cpu: number;
  /** Sum of VmRSS of the process tree, bytes (shared pages are counted once per process). */
  total: number;
  /** Largest single process at that moment. */
  top: { name: string; rss: number };
}

export interface RunResult {
  code: number | null;
  start: number;
  end: number;
  /**
   * CPU time (user + system) of the command and every descendant, ms: the larger of what this process
   * reaped (children's rusage) and the sum over the processes seen in the samples (a grandchild that
   * its parent never waits for, like Pagefind's binary, only shows up in the samples).
   */
  cpuMs: number;
  /** The two sources of `cpuMs`, kept to show when they disagree: reaped children's rusage, and the samples. */
  cpuReapedMs: number;
  cpuSampledMs: number;
  samples: RssSample[];
  /** Combined stdout and stderr, also written to `logFile` when given. */
  output: string;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

interface ProcInfo {
  ppid: number;
  name: string;
  /** utime + stime of the process itself, ms. */
  cpu: number;
}

/** User + system time of this process's reaped children, ms. */
export function reapedChildrenCpu(): number {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) * TICK_MS;
  } catch {
    return 0;
  }
}

function readProcTable(): Map<number, ProcInfo> {
  const table = new Map<number, ProcInfo>();
  let names: string[];
  try {
    names = fs.readdirSync('/proc');
  } catch {
    return table;
  }
  for (const n of names) {
    if (n.charCodeAt(0) < 48 || n.charCodeAt(0) > 57) continue;
    try {
      const stat = fs.readFileSync(`/proc/${n}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      // Fields after the name: state ppid … utime(11) stime(12) cutime(13) cstime(14).
      const cpu = (Number(f[11]) + Number(f[12])) * TICK_MS;
      table.set(Number(n), { ppid: Number(f[1]), name, cpu });
    } catch {
      // the process ended while we looked
    }
  }
  return table;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process and its descendants, with their current RSS and their own CPU time by pid. */
export function treeRss(root: number): { total: number; cpu: Map<number, number>; top: { name: string; rss: number } } {
  const table = readProcTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const cpu = new Map<number, number>();
  let top = { name: '', rss: 0 };
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const rss = rssOf(pid);
    total += rss;
    const info = table.get(pid);
    if (info) cpu.set(pid, info.cpu);
    if (rss > top.rss) top = { name: table.get(pid)?.name ?? String(pid), rss };
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, cpu, top };
}

export function runSampled(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; logFile?: string; intervalMs?: number; echo?: boolean }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const start = Date.now();
    const cpuBefore = reapedChildrenCpu();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = opts.logFile ? fs.createWriteStream(opts.logFile) : undefined;
    const chunks: string[] = [];
    let kept = 0;
    const collect = (data: Buffer) => {
      const s = data.toString('utf8');
      log?.write(s);
      if (opts.echo) process.stderr.write(s);
      // Keep the last few MB for error messages; the full output is in the log file.
      chunks.push(s);
      kept += s.length;
      while (kept > 4_000_000 && chunks.length > 1) kept -= chunks.shift()!.length;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const samples: RssSample[] = [];
    const lastCpu = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      const { total, cpu, top } = treeRss(child.pid);
      for (const [pid, ms] of cpu) lastCpu.set(pid, Math.max(ms, lastCpu.get(pid) ?? 0));
      let seen = 0;
      for (const ms of lastCpu.values()) seen += ms;
      if (total > 0) samples.push({ t: Date.now(), cpu: seen, total, top });
    };
    const timer = setInterval(sample, opts.intervalMs ?? 100);
    child.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const end = Date.now();
      const cpuReapedMs = reapedChildrenCpu() - cpuBefore;
      const cpuSampledMs = samples.at(-1)?.cpu ?? 0;
      const cpuMs = Math.max(cpuReapedMs, cpuSampledMs);
      const done = () => resolve({ code, start, end, cpuMs, cpuReapedMs, cpuSampledMs, samples, output: chunks.join('') });
      if (log) log.end(done);
      else done();
    });
  });
}
