// The only place `npm run check` reads git: the last committed version of the entry files that changed,
// for the "reviewed moved, nothing noted" warning (src/review/unnoted-changes.ts holds the logic).
// Working-tree edits are compared with HEAD; on a clean checkout (CI after a commit), the files the last
// commit touched are compared with their version before it. Outside a git repository: nothing.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const git = (cwd: string, args: string[], input?: string) =>
  spawnSync('git', args, { cwd, input: input === undefined ? undefined : Buffer.from(input, 'utf8'), maxBuffer: 1024 * 1024 * 1024, encoding: 'buffer', stdio: ['pipe', 'pipe', 'ignore'] });

const lines = (b: Buffer) => b.toString('utf8').split('\n').map((l) => l.trim()).filter(Boolean);

export interface PreviousVersions {
  /** Absolute path → text of the previous version (only files that changed and existed before). */
  files: Map<string, string>;
  /** What the previous versions are: `HEAD` or `HEAD~1`; undefined without git. */
  base: 'HEAD' | 'HEAD~1' | undefined;
}

/** Previous versions of the changed `.md`/`.mdx` files under `root/entries`. */
export function previousEntryVersions(root: string): PreviousVersions {
  const none: PreviousVersions = { files: new Map(), base: undefined };
  const top = git(root, ['rev-parse', '--show-toplevel']);
  if (top.status !== 0) return none;
  const toplevel = top.stdout.toString('utf8').trim();
  const entries = path.join(root, 'entries');
  const isEntry = (rel: string) => /\.mdx?$/.test(rel);
  let base: 'HEAD' | 'HEAD~1' = 'HEAD';
  const worktree = git(entries, ['diff', '--name-only', '--no-relative', 'HEAD', '--', '.']);
  if (worktree.status !== 0) return none;
  // Paths come relative to the top level (--no-relative), whatever the cwd.
  let changed = lines(worktree.stdout).filter(isEntry);
  if (changed.length === 0) {
    const last = git(entries, ['diff', '--name-only', '--no-relative', 'HEAD~1', 'HEAD', '--', '.']);
    if (last.status !== 0) return { files: new Map(), base: undefined };
    changed = lines(last.stdout).filter(isEntry);
    base = 'HEAD~1';
  }
  if (changed.length === 0) return { files: new Map(), base };
  const batch = git(toplevel, ['cat-file', '--batch'], changed.map((rel) => `${base}:${rel}`).join('\n') + '\n');
  if (batch.status !== 0) return { files: new Map(), base };
  return { files: parseCatFileBatch(batch.stdout, changed, toplevel), base };
}

/** Parses `git cat-file --batch` output for the requested paths, in order; missing objects are skipped. */
export function parseCatFileBatch(out: Buffer, requested: string[], toplevel: string): Map<string, string> {
  const files = new Map<string, string>();
  let at = 0;
  for (const rel of requested) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^\S+ (\S+) (\d+)$/.exec(header);
    if (!m) continue; // "<name> missing": the file is new
    const size = Number(m[2]);
    if (m[1] === 'blob') files.set(path.join(toplevel, rel), out.subarray(at, at + size).toString('utf8').normalize('NFC'));
    at += size + 1;
  }
  return files;
}
