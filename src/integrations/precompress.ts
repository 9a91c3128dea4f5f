// Writes .gz and .br copies of the static text assets (scripts, styles, JSON, feeds, the search
// runtime) after the build, so servers with gzip_static/brotli_static (and `npm start`) send them
// compressed to slow connections. HTML pages are left to the server's on-the-fly compression (there
// can be tens of thousands of them), except the home and search pages: every search starts there.
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { mark } from './build-timings.ts';
import { afterAstroFile } from './after-astro.ts';
import { paths } from '../publish/urls.ts';

const COMPRESSIBLE = /\.(js|mjs|css|json|xml|svg|txt|webmanifest)$/;
const MIN_BYTES = 1024;
const FIRST_PAGES = new Set(['index.html', `${paths.search()}index.html`]);

export function precompressFiles(outDir: string): number {
  let count = 0;
  for (const rel of fs.readdirSync(outDir, { recursive: true }) as string[]) {
    if (!COMPRESSIBLE.test(rel) && !FIRST_PAGES.has(rel.split(path.sep).join('/'))) continue;
    const file = path.join(outDir, rel);
    const data = fs.readFileSync(file);
    if (data.length < MIN_BYTES) continue;
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
    const quality = data.length > 1_000_000 ? 5 : 11;
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality } }));
    count++;
  }
  return count;
}

export function precompress(): AstroIntegration {
  return {
    name: 'hoidap:precompress',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (afterAstroFile()) return; // `npm run build` runs it last, in its own process
        mark('precompress:start');
        logger.info(`precompressed ${precompressFiles(fileURLToPath(dir))} assets (.gz, .br)`);
        mark('precompress:end');
      },
    },
  };
}
