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
