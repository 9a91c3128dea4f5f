// `npm run check:links`: link integrity of a built site (docs/links.md).
//   npm run check:links -- [--dist dist] [--base /hoi-dap/] [--site-url https://...]
// checks that every internal link, fragment and asset of the built site resolves (src/publish/link-check.ts).
//   npm run check:links -- --external [--timeout 15000] [--concurrency 4]
// also requests every external URL of the content's legal basis and document register (HEAD, then GET
// when the server refuses HEAD) and reports the broken ones. It goes out to the network: run it by
// hand or on a schedule, never in CI or the tests. Hosts on loopback, private, link-local or other
// non-public addresses are refused after DNS resolution, on redirects too (docs/links.md).
// Exit code 1 when a link is broken.
import dns from 'node:dns/promises';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkExternalUrl, checkLinks, detectBase, formatLinkProblems, type ExternalCheck, type Resolve, type Send } from '../publish/link-check.ts';
import { contentRoot, displayPath } from '../content/root.ts';
import { loadContent } from '../content/load-content.ts';
import type { ContentModel } from '../content/model.ts';
import { siteBase, siteUrl } from '../site.config.ts';

/** Files whose text the link check reads (links in them, or ids fragments can name). */
const TEXT_FILES = /\.(?:html|css)$/;

/** Every file of a built site, relative to its folder, with the text of its HTML and CSS files. */
export function readSiteFiles(dir: string): Map<string, string | undefined> {
  const files = new Map<string, string | undefined>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, abs).split(path.sep).join('/');
    files.set(rel, TEXT_FILES.test(rel) ? fs.readFileSync(abs, 'utf8') : undefined);
  }
  return files;
}

export interface ExternalLink {
  url: string;
  /** Content files that cite it. */
  citedIn: string[];
}

/** External URLs of the content: each entry's legal_basis[].url and each document's url. */
export function externalLinks(model: ContentModel): ExternalLink[] {
  const byUrl = new Map<string, Set<string>>();
  const add = (url: string | undefined, file: string) => {
    if (!url) return;
    byUrl.set(url, (byUrl.get(url) ?? new Set()).add(file));
  };
  for (const e of model.entries) for (const item of e.data.legal_basis ?? []) add(item.url, e.file);
  for (const d of model.documents.values()) add(d.data.url, d.file);
  return [...byUrl].map(([url, files]) => ({ url, citedIn: [...files].sort() })).sort((a, b) => a.url.localeCompare(b.url));
}

export type ExternalResult = ExternalCheck;

const USER_AGENT = 'hoi-dap-hai-cap-link-check/0.1';

/** Every address of a host, from the system resolver. */
const systemResolve: Resolve = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/**
 * One request to the address checkedAddress() approved: the socket's lookup hook answers with that
 * address whatever the name, so the connection cannot resolve the host again (DNS rebinding). The
 * name still goes in the Host header and TLS server name, so certificates are checked as usual.
 */
function sendTo(timeoutMs: number): Send {
  return (url, method, to) =>
    new Promise((resolve, reject) => {
      const lookup: LookupFunction = (_host, opts, cb) => {
        if ((opts as { all?: boolean }).all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [to]);
        else cb(null, to.address, to.family);
      };
      const req = (url.protocol === 'https:' ? https : http).request(
        url,
        { method, lookup, timeout: timeoutMs, headers: { 'user-agent': USER_AGENT }, agent: false },
        (res) => {
          // Only the status matters: do not download bodies.
          res.destroy();
          resolve({ status: res.statusCode ?? 0, location: res.headers.location });
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer in ${timeoutMs} ms`), { code: 'TIMEOUT' })));
      req.on('error', reject);
      req.end();
    });
}

/**
 * Checks one external URL (src/publish/link-check.ts checkExternalUrl): hosts that are or resolve to
 * loopback, private, link-local or other non-public addresses are refused, on every redirect too.
 */
export async function checkExternal(url: string, timeoutMs: number, resolve: Resolve = systemResolve): Promise<ExternalResult> {
  try {
    return await checkExternalUrl(url, { resolve, send: sendTo(timeoutMs) });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { url, ok: false, status: e.code === 'TIMEOUT' ? e.message : (e.code ?? e.message) };
  }
}

/** Runs `task` on every item with at most `limit` running at once, keeping the order of the results. */
export async function mapLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

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
    console.error(`No built site in ${displayPath(dist)} (index.html missing). Run \`npm run build\` first, or pass --dist.`);
    return 2;
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
      console.error('--timeout and --concurrency must be positive numbers');
      return 2;
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
  process.exitCode = await main();
}
