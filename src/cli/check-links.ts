// `npm run check:links`: link integrity of a built site (docs/links.md).
//   npm run check:links -- [--dist dist] [--base /hoi-dap/] [--site-url https://...]
// checks that every internal link, fragment and asset of the built site resolves (src/publish/link-check.ts).
//   npm run check:links -- --external [--timeout 15000] [--concurrency 4]
// also requests every external URL of the content's legal basis and document register (HEAD, then GET
// when the server refuses HEAD) and reports the broken ones. It goes out to the network: run it by
// hand or on a schedule, never in CI or the tests. Hosts on loopback, private, link-local or other
// non-public addresses are refused after DNS resolution, on redirects too (docs/links.md).
// Exit code 1 when a link is broken.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkLinks, detectBase, formatLinkProblems } from '../publish/link-check.ts';
import { checkExternal, externalLinks, mapLimit, readSiteFiles } from '../publish/check-site.ts';
import { contentRoot, displayPath } from '../content/root.ts';
import { loadContent } from '../content/load-content.ts';
import { siteBase, siteUrl } from '../site.config.ts';
import { fail, runCli } from '../node/fail.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      base: { type: 'string' },
      'site-url': { type: 'string' },
      external: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '15000' },
      concurrency: { type: 'string', default: '4' },
    },
  });
  const dist = path.resolve(values.dist);
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    return fail(`No built site in ${displayPath(dist)} (index.html missing). Run \`npm run build\` first, or pass --dist.`, 2);
  }
  const files = readSiteFiles(dist);
  // The base the site was built for: --base, else SITE_BASE, else read from the built home page.
  const given = values.base ?? process.env.SITE_BASE;
  const base = given ? siteBase({ SITE_BASE: given }) : (detectBase(files.get('index.html') ?? '') ?? '/');
  const problems = checkLinks({ files, base, siteUrl: values['site-url'] ?? siteUrl() });
  const pages = [...files.keys()].filter((f) => f.endsWith('.html')).length;
  if (problems.length > 0) {
    console.log(formatLinkProblems(problems));
    console.log(`\n${problems.length} broken internal link(s) in ${displayPath(dist)} (base ${base}, ${pages} pages).`);
  } else {
    console.log(`Internal links: ${pages} pages of ${displayPath(dist)} checked (base ${base}), none broken.`);
  }

  let brokenExternal = 0;
  if (values.external) {
    const timeout = Number(values.timeout);
    const concurrency = Number(values.concurrency);
    if (!(timeout > 0) || !(concurrency >= 1)) {
      return fail('--timeout and --concurrency must be positive numbers', 2);
    }
    const root = contentRoot();
    const { model } = loadContent(root);
    const links = externalLinks(model);
    console.log(`\nExternal links of ${displayPath(root)}: ${links.length} URL(s), ${concurrency} at a time, ${timeout} ms timeout.`);
    const results = await mapLimit(links, concurrency, (l) => checkExternal(l.url, timeout));
    results.forEach((r, i) => {
      if (r.ok) return;
      brokenExternal++;
      console.log(`${r.url} — ${r.status}\n  cited in: ${links[i]!.citedIn.map((f) => displayPath(f)).join(', ')}`);
    });
    console.log(brokenExternal ? `${brokenExternal} broken external link(s).` : 'External links: none broken.');
  }
  return problems.length > 0 || brokenExternal > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runCli('check:links', main);
}
