// The content contract (docs/content.md) as zod schemas: the single source of truth
// imported by the Astro collections, the CLI tools and the CMS-config test.
export * from './common.ts';
export * from './field.ts';
export * from './unit.ts';
export * from './document.ts';
export * from './entry.ts';
export * from './synonyms.ts';
export * from './question.ts';
export * from './calendar.ts';
export * from './questions-export.ts';
