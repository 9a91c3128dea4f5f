// One collection: every entry file of the content root (HOIDAP_CONTENT), no schema.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';

const root = path.resolve(process.env.HOIDAP_CONTENT ?? '../../content');

export const collections = {
  entries: defineCollection({
    loader: glob({
      pattern: '**/[^_.]*.{md,mdx}',
      base: path.join(root, 'entries'),
      generateId: ({ entry, data }) => (typeof data.id === 'string' ? data.id : entry),
    }),
  }),
};
