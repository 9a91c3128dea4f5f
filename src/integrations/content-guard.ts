// Fails the build (and dev start) when the content root breaks any rule of the contract, with the same
// messages as `npm run check`. Astro's own schema pass would miss the cross-file rules. It also hands
// Astro's MDX compiler the text the content reader accepted, so check and build read MDX the same way.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { ContentModel } from '../content/model.ts';
import { canonicalEntryText, forgetEntryParses, readEntryFile } from '../content/files.ts';
import { contentRoot } from '../content/root.ts';
import { buildDate } from '../content/dates.ts';
import { errorsOf, formatIssues, type ContentIssue } from '../content/issues.ts';
import { readContentRoot } from '../content/read-root.ts';
import { preparseEntries } from '../content/preparse.ts';

/**
 * A Vite plugin serving entry .mdx files of the content root as the reader normalised them (BOM
 * dropped, LF line endings, NFC, strict frontmatter): without it the MDX compiler reads the raw file.
 */
export function readerMdxPlugin(root: string) {
  const entries = path.join(root, 'entries') + path.sep;
  return {
    name: 'hoidap:reader-mdx',
    enforce: 'pre' as const,
    load(id: string) {
      const file = id.split('?')[0];
      if (!file.endsWith('.mdx') || !path.resolve(file).startsWith(entries)) return null;
      const issues: ContentIssue[] = [];
      const read = readEntryFile(path.resolve(file), issues);
      if (!read) throw new Error(`Content file rejected by the content reader:\n${formatIssues(issues)}`);
      return canonicalEntryText(read.source);
    },
  };
}

/**
 * `astro dev` keeps its content store in <project>/.astro/data-store.json whatever the cache folder,
 * so a dev server on root B after root A would start from A's entries. The store is dropped when the
 * root differs from the one recorded next to it. Returns true when it dropped the store.
 */
export function forgetOtherRootStore(dotAstroDir: string, root: string): boolean {
  const marker = path.join(dotAstroDir, 'hoidap-content-root');
  const previous = fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : undefined;
  const store = path.join(dotAstroDir, 'data-store.json');
  const dropped = previous !== path.resolve(root) && fs.existsSync(store);
  if (dropped) fs.rmSync(store);
  fs.mkdirSync(dotAstroDir, { recursive: true });
  fs.writeFileSync(marker, path.resolve(root));
  return dropped;
}

export function contentGuard(onValid: (model: ContentModel) => void = () => {}): AstroIntegration {
  return {
    name: 'hoidap:content-guard',
    hooks: {
      'astro:config:setup': async ({ logger, updateConfig, command, config }) => {
        const root = contentRoot();
        if (command === 'build') await preparseEntries(root);
        const { model, issues } = readContentRoot(root, buildDate());
        const errors = errorsOf(issues);
        if (errors.length > 0) {
          throw new Error(`Content in ${root} breaks the content contract (${errors.length} error${errors.length > 1 ? 's' : ''}):\n${formatIssues(errors)}`);
        }
        updateConfig({ vite: { plugins: [readerMdxPlugin(root)] } });
        if (command === 'dev' && forgetOtherRootStore(fileURLToPath(new URL('.astro/', config.root)), root)) {
          logger.info('content root changed since the last dev server: its cached content store was dropped');
        }
        onValid(model);
        const count = (status: string) => model.entries.filter((e) => e.data.status === status).length;
        logger.info(`content root ${root}: ${count('published')} published, ${count('superseded')} superseded, ${count('withdrawn')} withdrawn, ${count('draft')} draft (not published)`);
      },
      // The content layer has read the entries by now: the parses kept for it are not needed.
      'astro:build:start': () => forgetEntryParses(),
    },
  };
}
