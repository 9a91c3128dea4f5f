// Astro collections over the content root (./content or HOIDAP_CONTENT). The schemas come from
// src/schema, shared with the CLI tools; here references are piped into Astro's reference().
import { defineCollection, reference } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import path from 'node:path';
import { contentRoot } from './lib/content-root.ts';
import { fieldSchema, makeDocumentSchema, makeEntrySchema, makeUnitSchema, slug, type CollectionName, type RefFactory } from './schema/index.ts';

const root = contentRoot();
const ref = ((collection: CollectionName) => slug().pipe(reference(collection))) as unknown as RefFactory;

/** A glob loader whose files are normalised to Unicode NFC before they are parsed and rendered. */
function nfcGlob(options: Parameters<typeof glob>[0]): Loader {
  const inner = glob(options);
  return {
    name: 'nfc-glob',
    load: (context) => {
      // `entryTypes` is passed to loaders at run time but is missing from the public LoaderContext type.
      const { entryTypes: original } = context as unknown as { entryTypes: Map<string, EntryType> };
      const entryTypes = new Map(
        [...original].map(([ext, type]) => [
          ext,
          { ...type, getEntryInfo: (p: { contents: string; fileUrl: URL }) => type.getEntryInfo({ ...p, contents: p.contents.normalize('NFC') }) },
        ]),
      );
      return inner.load({ ...context, entryTypes } as typeof context);
    },
  };
}

interface EntryType {
  getEntryInfo(p: { contents: string; fileUrl: URL }): unknown;
}

const yamlCollection = (folder: string) => nfcGlob({ pattern: '*.yaml', base: path.join(root, folder) });

export const collections = {
  fields: defineCollection({ loader: yamlCollection('fields'), schema: fieldSchema }),
  units: defineCollection({ loader: yamlCollection('units'), schema: makeUnitSchema(ref) }),
  documents: defineCollection({ loader: yamlCollection('documents'), schema: makeDocumentSchema(ref) }),
  entries: defineCollection({
    loader: nfcGlob({
      pattern: '**/*.{md,mdx}',
      base: path.join(root, 'entries'),
      // The URL derives from the frontmatter id alone, so moving a file never breaks a link.
      generateId: ({ entry, data }) => (typeof data.id === 'string' ? data.id : entry),
    }),
    schema: makeEntrySchema(ref),
  }),
};
