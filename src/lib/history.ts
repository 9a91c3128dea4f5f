// Change history of entries: the commits that touched each entry file when the content root is in a
// git repository (one `git log` for the whole root), else the entry's own answered/reviewed dates.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { EntryData } from '../schema/index.ts';

export interface Change {
  date: string;
  summary: string;
  /** Where the change comes from: a commit, or the entry's own dates. */
  source: 'git' | 'dates';
}

export type GitHistory = Map<string, Change[]>;

/** Commits per file (absolute path), newest first; undefined when `root` is not in a git repository. */
export function readGitHistory(root: string): GitHistory | undefined {
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: root, encoding: 'utf8' });
  if (top.status !== 0) return undefined;
  const toplevel = top.stdout.trim();
  const log = spawnSync('git', ['log', '--no-merges', '--format=%x1e%aI%x1f%s', '--name-only', '--', '.'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (log.status !== 0) return undefined;
  return parseGitLog(log.stdout, toplevel);
}

/** Parses `git log --format=%x1e%aI%x1f%s --name-only` output. */
export function parseGitLog(output: string, toplevel: string): GitHistory {
  const history: GitHistory = new Map();
  for (const record of output.split('\x1e')) {
    if (!record.trim()) continue;
    const [header, ...files] = record.split('\n');
    const [date, summary] = header.split('\x1f');
    for (const file of files) {
      if (!file.trim()) continue;
      const abs = path.join(toplevel, file.trim());
      const list = history.get(abs) ?? [];
      list.push({ date: date.slice(0, 10), summary: summary ?? '', source: 'git' });
      history.set(abs, list);
    }
  }
  return history;
}

/** Labels for the fallback history, in the site's language. */
export interface HistoryLabels {
  answered: string;
  reviewed: string;
}

export function entryHistory(file: string, entry: Pick<EntryData, 'answered' | 'reviewed'>, git: GitHistory | undefined, labels: HistoryLabels): Change[] {
  const commits = git?.get(path.resolve(file));
  if (commits && commits.length > 0) return commits;
  const dates: Change[] = [{ date: entry.answered, summary: labels.answered, source: 'dates' }];
  if (entry.reviewed !== entry.answered) dates.unshift({ date: entry.reviewed, summary: labels.reviewed, source: 'dates' });
  return dates;
}
