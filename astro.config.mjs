// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { hoidap } from './src/integrations/index.ts';
import { siteBase, siteUrl } from './src/site.config.ts';
import { cacheDirFor, contentRoot } from './src/content/root.ts';

export default defineConfig({
  site: siteUrl(),
  base: siteBase(),
  trailingSlash: 'always',
  // Four pages in flight: while one page's files are written, the next renders (a page at a time,
  // the main thread waited on the disk for a quarter of the static generation; BENCHMARKS.md).
  build: { format: 'directory', concurrency: 4 },
  integrations: [...hoidap(), mdx()],
  devToolbar: { enabled: false },
  // No syntax highlighting: Shiki writes inline style="" attributes, which the CSP (no
  // 'unsafe-inline') blocks, and the Prism path of @astrojs/markdown-satteri 0.4 pastes the fence's
  // language into HTML unescaped (```x"onmouseover="… becomes an attribute). Code blocks are plain
  // <pre><code>, styled in src/styles/site.css.
  markdown: { syntaxHighlight: false },
  // Never inline a bundled script or asset: the CSP has no 'unsafe-inline' (small scripts such as the
  // ask form's would otherwise be inlined into the page and blocked).
  vite: { build: { assetsInlineLimit: 0 } },
  // One cache per content root (under HOIDAP_CACHE_DIR, default node_modules/.astro): no build can
  // reuse another root's entries. Separate HOIDAP_CACHE_DIRs also let tests build side by side.
  cacheDir: cacheDirFor(contentRoot()),
});
