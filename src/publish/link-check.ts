// Link integrity of a built site: every internal link, fragment and asset must resolve to a file of the
// output. Pure: it reads a map of the site's files and returns the problems; the test and
// `npm run check:links` (src/cli/check-links.ts) read the files from disk.
//
// Checked: href, src, srcset, poster, action and data attributes of every tag (including
// <link rel="stylesheet">, <script src>, <img srcset>, <form action>), url(...) in <style> elements,
// style attributes and CSS files. A link to a folder resolves to its index.html. A fragment (#id) must
// name an id (or an <a name>) in the target page. Under a base path (SITE_BASE) every absolute internal
// link must start with the base. mailto:, tel:, data: and links to other sites are not checked here
// (external legal-basis links have their own opt-in check: `npm run check:links -- --external`).
import { normalizeBase } from './urls.ts';

import { BlockList, isIP } from 'node:net';

export type LinkProblemKind = 'missing' | 'anchor' | 'outside-base' | 'relative-in-404';

export interface LinkProblem {
  /** File of the site where the link is (relative to the output folder). */
  file: string;
  /** The link as written. */
  url: string;
  kind: LinkProblemKind;
  /** What is wrong, in one line. */
  message: string;
}

export interface SiteFiles {
  /**
   * Every file of the built site, relative to the output folder with `/` separators. The text is
   * needed for HTML and CSS files (the ones whose links are checked, and whose ids fragments name);
   * other files may map to undefined.
   */
  files: Map<string, string | undefined>;
  /** Base path the site is served under (`SITE_BASE`), default `/`. */
  base?: string;
  /** Absolute URL of the site (`SITE_URL`): absolute links to its origin are checked as internal. */
  siteUrl?: string;
}

/** A link found in a file, with the attribute (or `url()`) it came from. */
export interface FoundLink {
  url: string;
  attr: string;
}

const LINK_ATTRS = new Set(['href', 'src', 'poster', 'action', 'data', 'xlink:href']);
const SKIPPED_SCHEMES = /^(?:mailto|tel|sms|data|blob|javascript|about|geo):/i;
const ORIGIN = 'http://link-check.invalid';

/** Decodes the character references that can appear in an attribute value. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, ref: string) => {
    const r = ref.toLowerCase();
    if (r.startsWith('#x')) return String.fromCodePoint(parseInt(r.slice(2), 16));
    if (r.startsWith('#')) return String.fromCodePoint(parseInt(r.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[r]!;
  });
}

interface Tag {
  name: string;
  attrs: Map<string, string>;
}

/** The start tags of an HTML document (comments skipped) and the contents of its <style> elements. */
function scanHtml(html: string): { tags: Tag[]; styles: string[] } {
  const tags: Tag[] = [];
  const styles: string[] = [];
  const re = /<!--[\s\S]*?-->|<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (!m[1]) continue;
    const name = m[1].toLowerCase();
    const attrs = new Map<string, string>();
    const attrRe = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
    let a: RegExpExecArray | null;
    while ((a = attrRe.exec(m[2] ?? ''))) {
      const key = a[1]!.toLowerCase();
      if (!attrs.has(key)) attrs.set(key, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    tags.push({ name, attrs });
    // Raw text elements: their content is not markup.
    if (name === 'script' || name === 'style' || name === 'textarea' || name === 'title') {
      const end = html.toLowerCase().indexOf(`</${name}`, re.lastIndex);
      const stop = end < 0 ? html.length : end;
      if (name === 'style') styles.push(html.slice(re.lastIndex, stop));
      re.lastIndex = stop;
    }
  }
  return { tags, styles };
}

/** url(...) references of a style sheet (or a style attribute). */
export function cssUrls(css: string): string[] {
  const out: string[] = [];
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of clean.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of clean.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) out.push(m[1] ?? m[2] ?? '');
  return out.filter(Boolean);
}

/** The URLs of a srcset value (HTML's parsing rules, simplified: descriptors end at a comma). */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i]!)) i++;
    let end = i;
    while (end < value.length && !/\s/.test(value[end]!)) end++;
    let url = value.slice(i, end);
    i = end;
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      // Skip the descriptors ("2x", "640w") up to the next comma.
      while (i < value.length && value[i] !== ',') i++;
    }
    if (url) urls.push(url);
  }
  return urls;
}

/** Every link of an HTML document that points somewhere (href, src, srcset, ..., url() in styles). */
export function htmlLinks(html: string): FoundLink[] {
  const { tags, styles } = scanHtml(html);
  const links: FoundLink[] = [];
  for (const tag of tags) {
    for (const [attr, value] of tag.attrs) {
      if (LINK_ATTRS.has(attr)) {
        // <object data>, but not data-* (those are different attribute names anyway).
        if (attr === 'data' && tag.name !== 'object') continue;
        // Form actions and links with no value point at the page itself.
        if (value.trim() === '' && (attr === 'action' || attr === 'href')) continue;
        links.push({ url: value.trim(), attr });
      } else if (attr === 'srcset' || attr === 'imagesrcset') {
        for (const url of srcsetUrls(value)) links.push({ url, attr });
      } else if (attr === 'style') {
        for (const url of cssUrls(value)) links.push({ url, attr: 'style' });
      }
    }
  }
  for (const css of styles) for (const url of cssUrls(css)) links.push({ url, attr: 'url()' });
  return links;
}

/** Ids a fragment can name in an HTML document: every id, and the name of <a name> anchors. */
export function htmlAnchors(html: string): Set<string> {
  const ids = new Set<string>();
  for (const tag of scanHtml(html).tags) {
    const id = tag.attrs.get('id');
    if (id) ids.add(id);
    const name = tag.attrs.get('name');
    if (name && tag.name === 'a') ids.add(name);
  }
  return ids;
}

/**
 * The base path a built site was made for, read from its home page: Astro serves its bundled assets
 * from `<base>_astro/`. Undefined when the page references no bundled asset.
 */
export function detectBase(indexHtml: string): string | undefined {
  for (const { url } of htmlLinks(indexHtml)) {
    const m = /^(\/(?:[^/?#]+\/)*?)_astro\//.exec(url);
    if (m) return m[1];
  }
  return undefined;
}

/** The URL path a file of the output is served at (folders' index.html at the folder). */
export function servedPath(file: string, base = '/'): string {
  return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * The output file a URL path resolves to, or undefined. A folder resolves to its index.html, as static
 * servers do (with or without the trailing slash).
 */
function resolveFile(files: Map<string, unknown>, rel: string): string | undefined {
  if (rel === '' || rel.endsWith('/')) {
    const index = `${rel}index.html`;
    return files.has(index) ? index : undefined;
  }
  if (files.has(rel)) return rel;
  if (files.has(`${rel}/index.html`)) return `${rel}/index.html`;
  return undefined;
}

/** Checks every internal link of the site's HTML and CSS files. Each (file, link) is reported once. */
export function checkLinks(site: SiteFiles): LinkProblem[] {
  const base = normalizeBase(site.base);
  const siteOrigin = site.siteUrl ? new URL(site.siteUrl).origin : undefined;
  const problems: LinkProblem[] = [];
  const anchors = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    let set = anchors.get(file);
    if (!set) anchors.set(file, (set = htmlAnchors(site.files.get(file) ?? '')));
    return set;
  };

  for (const [file, text] of site.files) {
    const isHtml = file.endsWith('.html');
    const isCss = file.endsWith('.css');
    if (text === undefined || (!isHtml && !isCss)) continue;
    const links: FoundLink[] = isHtml ? htmlLinks(text) : cssUrls(text).map((url) => ({ url, attr: 'url()' }));
    const here = new URL(servedPath(file, base), ORIGIN);
    const seen = new Set<string>();
    const report = (url: string, kind: LinkProblemKind, message: string) => {
      if (seen.has(`${kind} ${url}`)) return;
      seen.add(`${kind} ${url}`);
      problems.push({ file, url, kind, message });
    };

    for (const { url } of links) {
      if (SKIPPED_SCHEMES.test(url)) continue;
      let target: URL;
      try {
        target = new URL(url, here);
      } catch {
        report(url, 'missing', 'not a valid URL');
        continue;
      }
      const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
      if (absolute) {
        // Other sites are not checked here; links to the site's own absolute URL are.
        if (!siteOrigin || target.origin !== siteOrigin) continue;
      } else if (target.origin !== ORIGIN) continue;
      if (isHtml && file === '404.html' && !absolute && !url.startsWith('/') && !url.startsWith('#')) {
        report(url, 'relative-in-404', 'relative link in the 404 page, which is served at any address');
        continue;
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(target.pathname);
      } catch {
        report(url, 'missing', 'malformed percent-encoding');
        continue;
      }
      if (!pathname.startsWith(base)) {
        report(url, 'outside-base', `points outside the base path ${base}`);
        continue;
      }
      const resolved = resolveFile(site.files, pathname.slice(base.length));
      if (!resolved) {
        report(url, 'missing', `no file in the output for ${pathname}`);
        continue;
      }
      const fragment = target.hash.slice(1);
      if (!fragment || !resolved.endsWith('.html') || site.files.get(resolved) === undefined) continue;
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        id = fragment;
      }
      // "#top" scrolls to the top of any page (HTML's fragment rules).
      if (id.toLowerCase() === 'top' || anchorsOf(resolved).has(id)) continue;
      report(url, 'anchor', `no element with id "${id}" in ${resolved}`);
    }
  }
  return problems;
}

/** Problems as lines for a terminal: file, link, what is wrong. */
export function formatLinkProblems(problems: LinkProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.url} — ${p.message}`).join('\n');
}

// ---------------------------------------------------------------------------------------------------
// External links (`--external`): which addresses the checker may connect to.
//
// The URLs come from editors' files, so the checker must not become a way to reach the build machine
// itself or its network (a router's admin page, a cloud metadata service at 169.254.169.254, a
// database on 10.x): every host is resolved first, EVERY address it resolves to is checked, and the
// connection is made to that checked address (src/cli/check-links.ts passes it through the socket's
// lookup hook, so the connection cannot resolve the name again and land elsewhere). Redirects are
// followed by hand and each hop is checked the same way.


/** Addresses that are not on the public internet: loopback, private, link-local, reserved, multicast. */
const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001::', 23], // protocol assignments, Teredo
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** Expands an IPv6 address to its 8 groups of 16 bits (it may end in a dotted IPv4 address). */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const b = dotted[1]!.split('.').map(Number);
    text = `${text.slice(0, -dotted[1]!.length)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const h = part(head);
  const t = part(tail);
  const groups = tail === undefined ? h : [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

const ipv4Of = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

/**
 * Why an IP address may not be connected to, or undefined when it is a public address. IPv6 forms
 * that carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are
 * judged by that IPv4 address.
 */
export function refusedAddress(address: string): string | undefined {
  const family = isIP(address);
  if (family === 4) return NOT_PUBLIC.check(address, 'ipv4') ? `${address} is not a public address` : undefined;
  if (family !== 6) return `${address} is not an IP address`;
  const g = ipv6Groups(address);
  if (!g) return `${address} is not an IP address`;
  let embedded: string | undefined;
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) embedded = ipv4Of(g[6]!, g[7]!);
  else if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) embedded = ipv4Of(g[6]!, g[7]!);
  else if (g[0] === 0x2002) embedded = ipv4Of(g[1]!, g[2]!);
  if (embedded !== undefined) return refusedAddress(embedded) ? `${address} is not a public address (it carries ${embedded})` : undefined;
  return NOT_PUBLIC.check(address, 'ipv6') ? `${address} is not a public address` : undefined;
}

/** A resolver: every address of a host name (as `dns.promises.lookup(host, { all: true })` gives). */
export type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>;

/**
 * The address to connect to for a URL's host, after checking every address the host resolves to.
 * Refused: any non-public address among them (a name that also resolves to a private address may be
 * answered with it on the next lookup), a scheme other than http(s), credentials in the URL.
 */
export async function checkedAddress(url: URL, resolve: Resolve): Promise<{ ok: true; address: string; family: number } | { ok: false; reason: string }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `refused: ${url.protocol} is not http or https` };
  if (url.username || url.password) return { ok: false, reason: 'refused: credentials in the URL' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch (err) {
      return { ok: false, reason: `cannot resolve ${host}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: `cannot resolve ${host}: no address` };
  for (const a of addresses) {
    const why = refusedAddress(a.address);
    if (why) return { ok: false, reason: `refused: ${host === a.address ? why : `${host} resolves to ${a.address}: ${why}`}` };
  }
  return { ok: true, address: addresses[0]!.address, family: addresses[0]!.family };
}

/** One HTTP exchange: the status and the Location header, connecting to the given checked address. */
export type Send = (url: URL, method: 'HEAD' | 'GET', to: { address: string; family: number }) => Promise<{ status: number; location?: string }>;

export interface ExternalCheck {
  url: string;
  ok: boolean;
  /** HTTP status, or why no request was made / the network error. */
  status: string;
}

export const MAX_REDIRECTS = 5;

/**
 * Checks one external URL: HEAD, then GET when the server does not allow HEAD (405, 501); redirects
 * followed by hand (at most {@link MAX_REDIRECTS}), every hop's host checked before connecting.
 */
export async function checkExternalUrl(raw: string, deps: { resolve: Resolve; send: Send }): Promise<ExternalCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { url: raw, ok: false, status: 'not a valid URL' };
  }
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const to = await checkedAddress(url, deps.resolve);
    if (!to.ok) return { url: raw, ok: false, status: hop ? `redirect to ${url.href}: ${to.reason}` : to.reason };
    let res = await deps.send(url, 'HEAD', to);
    if (res.status === 405 || res.status === 501) res = await deps.send(url, 'GET', to);
    if (res.status >= 300 && res.status < 400 && res.location !== undefined) {
      try {
        url = new URL(res.location, url);
      } catch {
        return { url: raw, ok: false, status: `HTTP ${res.status} to an invalid location` };
      }
      continue;
    }
    return { url: raw, ok: res.status < 400, status: `HTTP ${res.status}` };
  }
  return { url: raw, ok: false, status: `more than ${MAX_REDIRECTS} redirects` };
}
