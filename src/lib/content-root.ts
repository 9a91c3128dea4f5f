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
