// Developer aid: screenshots of built pages at 360 px and 1280 px, to look at before calling UI done.
// Usage: node scripts/screenshots.ts <dist dir> <out dir> <path> [<path> ...]
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../src/node/browser.ts';
import { serveSite } from '../src/node/serve.ts';

const [dist, outDir, ...pages] = process.argv.slice(2);
if (!dist || !outDir || pages.length === 0) {
  console.error('usage: node scripts/screenshots.ts <dist dir> <out dir> <path> [<path> ...]');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const served = await serveSite(dist, process.env.SITE_BASE ?? '/');
const browser = await launchBrowser();
for (const width of [360, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const p of pages) {
    await page.goto(served.url(p));
    // The search page renders its results after load.
    await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached', timeout: 5000 }).catch(() => {});
    const file = path.join(outDir, `${p.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
await served.close();
