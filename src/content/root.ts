import { createHash } from 'node:crypto';
import path from 'node:path';

/** The content root: `HOIDAP_CONTENT` when set (relative to the working directory), else `./content`. */
export function contentRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.HOIDAP_CONTENT?.trim() || 'content');
}

/** A path as people should read it in messages: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/**
 * Astro's cache folder for a content root: a subfolder named by a short hash of the resolved root,
 * under HOIDAP_CACHE_DIR (default node_modules/.astro). Astro reuses a cached entry whose digest
 * matches, file path included, so a cache shared between roots could publish one root's file on
 * another root's site.
 */
export function cacheDirFor(root: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const parent = path.resolve(cwd, env.HOIDAP_CACHE_DIR?.trim() || 'node_modules/.astro');
  const key = createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 12);
  return path.join(parent, `root-${key}`);
}
