// Writes .gz and .br copies of the static text assets (scripts, styles, JSON, feeds, the search
// runtime) after the build, so servers with gzip_static/brotli_static (and `npm start`) send them
// compressed to slow connections. HTML pages are left to the server's on-the-fly compression (there
// can be tens of thousands of them), except the home and search pages: every search starts there.
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { mark } from './build-timings.ts';
import { afterAstroFile } from './after-astro.ts';
import { paths } from '../publish/urls.ts';

const COMPRESSIBLE = /\.(js|mjs|css|json|xml|svg|txt|webmanifest)$/;
const MIN_BYTES = 1024;
const FIRST_PAGES = new Set(['index.html', `${paths.search()}index.html`]);

/**
 * Brotli's best setting (11) for what every visitor loads once (scripts, styles, the two first pages);
 * a fast one (7: about 6 % larger, 35x faster) for data (JSON, feeds, the search indexes), whose size
 * grows with the bank: at 10,000 entries quality 11 on the first-stage index alone cost 14 s of CPU.
 */
function brotliQuality(rel: string, bytes: number): number {
  if (bytes > 1_000_000) return 5;
  return /\.(json|xml|txt)$/.test(rel) ? 7 : 11;
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * Writes the .gz and .br copies of the files `include` accepts (paths relative to outDir, with "/");
 * returns how many files got them.
 */
export async function precompressFiles(outDir: string, include: (rel: string) => boolean = () => true): Promise<number> {
  const files = (fs.readdirSync(outDir, { recursive: true }) as string[])
    .map((rel) => rel.split(path.sep).join('/'))
    .filter((rel) => (COMPRESSIBLE.test(rel) || FIRST_PAGES.has(rel)) && include(rel));
  let count = 0;
  const one = async (rel: string) => {
    const file = path.join(outDir, rel);
    const data = await fs.promises.readFile(file);
    if (data.length < MIN_BYTES) return;
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality(rel, data.length) };
    const [gz, br] = await Promise.all([gzip(data, { level: 9 }), brotli(data, { params })]);
    await Promise.all([fs.promises.writeFile(`${file}.gz`, gz), fs.promises.writeFile(`${file}.br`, br)]);
    count++;
  };
  // zlib's asynchronous calls run on libuv's thread pool, so every core compresses; a few files at a
  // time keep the memory small.
  const queue = [...files];
  const worker = async () => {
    for (let rel = queue.shift(); rel !== undefined; rel = queue.shift()) await one(rel);
  };
  await Promise.all(Array.from({ length: Math.max(2, os.availableParallelism()) }, worker));
  return count;
}

export function precompress(): AstroIntegration {
  return {
    name: 'hoidap:precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (afterAstroFile()) return; // `npm run build` runs it last, in its own process
        mark('precompress:start');
        logger.info(`precompressed ${await precompressFiles(fileURLToPath(dir))} assets (.gz, .br)`);
        mark('precompress:end');
      },
    },
  };
}
