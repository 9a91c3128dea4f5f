import { z } from 'astro/zod';
import { text } from './common.ts';

/** `synonyms.yaml`: each item is a group of terms that mean the same thing to a searcher. */
export const synonymsSchema = z.array(z.array(text()).min(1, { message: 'a synonym group needs at least one term' }));
export type SynonymGroups = z.output<typeof synonymsSchema>;
