// The bare pipeline of the scale benchmark: one Astro route per entry over a plain glob loader, no
// project integrations (MDX only, because the content has .mdx files). `npm run bench` builds it with
// `astro build --root bench/bare` and then runs the Pagefind CLI on the output.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cacheDir = path.resolve(process.env.HOIDAP_CACHE_DIR || fileURLToPath(new URL('../../.cache/astro/bench-bare', import.meta.url)));

export default defineConfig({
  integrations: [mdx()],
  devToolbar: { enabled: false },
  cacheDir,
  // Keep Vite's dependency cache out of the source tree.
  vite: { cacheDir: path.join(cacheDir, 'vite') },
});
