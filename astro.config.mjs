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
  // Separate caches let tests build several content roots side by side.
  cacheDir: process.env.HOIDAP_CACHE_DIR || './node_modules/.astro',
});
