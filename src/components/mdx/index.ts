// Components available to .mdx entries, by the names MDX uses. Keep in step with MDX_COMPONENTS in
// src/content/markdown-safety.ts (a test checks they match).
import Note from './Note.astro';

export const mdxComponents = { Note };
