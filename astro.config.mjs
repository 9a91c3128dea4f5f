// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { hoidap } from './src/integrations/index.ts';
import { siteBase, siteUrl } from './src/site.config.ts';

export default defineConfig({
  site: siteUrl(),
  base: siteBase(),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [...hoidap(), mdx()],
  devToolbar: { enabled: false },
  // Never inline a bundled script or asset: the CSP has no 'unsafe-inline' (small scripts such as the
  // ask form's would otherwise be inlined into the page and blocked).
  vite: { build: { assetsInlineLimit: 0 } },
  // Separate caches let tests build several content roots side by side.
  cacheDir: process.env.HOIDAP_CACHE_DIR || './node_modules/.astro',
});
