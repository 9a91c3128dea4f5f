// Build-time data of the handbook pages, computed once per build: the published entries' collection
// entries (for rendering) and the content version's commit hash. Components read it from here; they
// neither run git nor query collections themselves.
import { execFileSync } from 'node:child_process';
import { renderableEntries, type RenderableEntry } from './content.ts';
import { contentRoot } from '../content/root.ts';

/** Published entries by id, as the entries renderEntry takes. */
export async function publishedEntries(): Promise<Map<string, RenderableEntry>> {
  return new Map([...(await renderableEntries())].filter(([, e]) => e.data.status === 'published'));
}

let commit: { value: string | undefined } | undefined;

/**
 * Short hash of the commit the content root is checked out at (`git rev-parse --short HEAD` run in the
 * content root: the project itself for ./content, a department's own repository for HOIDAP_CONTENT).
 * undefined when git or the repository is missing.
 */
export function contentCommit(): string | undefined {
  if (!commit) {
    let value: string | undefined;
    try {
      value = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: contentRoot(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim() || undefined;
    } catch {
      value = undefined;
    }
    commit = { value };
  }
  return commit.value;
}
