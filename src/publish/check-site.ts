// The Node side of the link check (docs/links.md): reading a built site from disk, listing the content's
// external URLs, and requesting them with the address pinned (the rules are in link-check.ts).
import dns from 'node:dns/promises';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import path from 'node:path';
import { checkExternalUrl, type ExternalCheck, type Resolve, type Send } from './link-check.ts';
import type { ContentModel } from '../content/model.ts';

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
        // Cast justified: LookupFunction's callback is typed for one address; with `all` Node expects a list.
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
