// Astro collections over the content root (./content or HOIDAP_CONTENT). The schemas come from
// src/schema, shared with the CLI tools; here references are piped into Astro's reference(). Entries
// keep only their id and status here (entryBodySchema), to render their bodies: pages read entry data
// from the content model, which the content guard validated against the whole entry schema.
// Files are listed, read and parsed by src/content/files.ts, the reader `npm run check` uses:
// Astro's glob loader only finds candidates, and a file the reader did not accept stops the build.
import { defineCollection, reference } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listContentFiles, readEntryFile, readYamlContentFile } from './content/files.ts';
import { contentRoot } from './content/root.ts';
import { formatIssues, type ContentIssue } from './content/issues.ts';
import { sanitizeAhead } from './content/sanitize-ahead.ts';
import { entryBodySchema, fieldSchema, makeDocumentSchema, makeUnitSchema, slug, type CollectionName, type RefFactory } from './schema/index.ts';

const root = contentRoot();
// Cast justified: Astro's reference() type names the collection keys of its generated module, which the
// shared schemas (built before Astro's types exist) describe as RefFactory; at run time both yield ids.
const ref = ((collection: CollectionName) => slug().pipe(reference(collection))) as unknown as RefFactory;

interface EntryType {
  getEntryInfo(p: { contents: string; fileUrl: URL }): unknown;
  getRenderFunction?: (config: unknown) => Promise<RenderFunction | undefined>;
}
type RenderFunction = (entry: { filePath?: string }) => Promise<unknown>;

function fail(issues: ContentIssue[]): never {
  throw new Error(`Content file rejected by the content reader:\n${formatIssues(issues)}`);
}

/**
 * Astro's glob loader with the project's reader in place of Astro's own parsing: every file's data
 * and body are what `npm run check` read (normalised text, YAML 1.2, strict frontmatter), a file the
 * reader would not list (a symbolic link, a name the build cannot load) is refused, and an error while
 * rendering an entry fails the build naming the file (the glob loader alone only logs it and
 * publishes an empty answer).
 */
function readerGlob(options: { pattern: string; base: string; kind: 'entry' | 'yaml'; generateId?: Parameters<typeof glob>[0]['generateId'] }): Loader {
  // An entry's Markdown source is not kept in Astro's data store: its rendered HTML (or, for MDX, the
  // compiled module) is what pages use, and the content model holds the text.
  const inner = glob({ pattern: options.pattern, base: options.base, generateId: options.generateId, retainBody: options.kind !== 'entry' });
  return {
    name: 'hoidap-reader-glob',
    load: async (context) => {
      const listed = new Set(listContentFiles(options.base, options.kind === 'entry', []));
      const renderFailures: ContentIssue[] = [];
      // `entryTypes` is passed to loaders at run time but is missing from the public LoaderContext type.
      const { entryTypes: original } = context as unknown as { entryTypes: Map<string, EntryType> };
      const entryTypes = new Map(
        [...original].map(([ext, type]) => [
          ext,
          {
            ...type,
            getEntryInfo: ({ contents, fileUrl }: { contents: string; fileUrl: URL }) => {
              const file = fileURLToPath(fileUrl);
              const issues: ContentIssue[] = [];
              if (!listed.has(file)) {
                fail([{ severity: 'error', file, key: '', message: 'is not a file the content reader accepts (a symbolic link, or a name the build cannot load)' }]);
              }
              if (options.kind === 'entry') {
                const read = readEntryFile(file, issues, undefined, contents);
                if (!read) fail(issues);
                // What Astro needs to find and render the body (entryBodySchema); pages read the rest
                // from the content model. It is also the frontmatter stored with the rendered HTML.
                const data = { id: read.data.id, status: read.data.status };
                return { data, body: read.source.body, rawData: read.source.frontmatter, slug: undefined };
              }
              const read = readYamlContentFile(file, issues);
              if (!read) fail(issues);
              return { data: read.data ?? {}, rawData: read.text };
            },
            getRenderFunction:
              type.getRenderFunction &&
              (async (config: unknown) => {
                const render = await type.getRenderFunction!(config);
                if (!render) return render;
                return async (entry: { filePath?: string }) => {
                  try {
                    const rendered = await render(entry);
                    const html = (rendered as { html?: unknown } | undefined)?.html;
                    if (typeof html === 'string') sanitizeAhead()?.add(html);
                    return rendered;
                  } catch (err) {
                    renderFailures.push({
                      severity: 'error',
                      file: entry.filePath ?? '(unknown file)',
                      key: '',
                      message: `cannot be rendered: ${(err as Error)?.message ?? String(err)}`,
                    });
                    throw err;
                  }
                };
              }),
          },
        ]),
      );
      await inner.load({ ...context, entryTypes } as typeof context);
      const helper = sanitizeAhead();
      if (helper) {
        // Bodies a rebuild did not render again (their files are unchanged) go to the helper too.
        for (const entry of context.store.values()) if (typeof entry.rendered?.html === 'string') helper.add(entry.rendered.html);
        helper.flush();
      }
      if (renderFailures.length > 0) throw new Error(`Rendering failed for ${renderFailures.length} entry file(s):\n${formatIssues(renderFailures)}`);
    },
  };
}

const yamlCollection = (folder: string) => readerGlob({ pattern: '*.yaml', base: path.join(root, folder), kind: 'yaml' });

export const collections = {
  fields: defineCollection({ loader: yamlCollection('fields'), schema: fieldSchema }),
  units: defineCollection({ loader: yamlCollection('units'), schema: makeUnitSchema(ref) }),
  documents: defineCollection({ loader: yamlCollection('documents'), schema: makeDocumentSchema(ref) }),
  entries: defineCollection({
    loader: readerGlob({
      pattern: '**/*.{md,mdx}',
      base: path.join(root, 'entries'),
      kind: 'entry',
      // The URL derives from the frontmatter id alone, so moving a file never breaks a link.
      generateId: ({ entry, data }) => (typeof data.id === 'string' ? data.id : entry),
    }),
    schema: entryBodySchema,
  }),
};
