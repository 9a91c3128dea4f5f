// The URL policy shared by the guard (src/content/markdown-safety.ts) and the sanitiser
// (src/content/sanitize-html.ts): a reader may follow http(s), mailto and tel links, and links that
// stay on the site (a path, a fragment, a query). Pure string code, no node: imports.

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** True for URLs a reader may follow: http(s), mailto, tel, or relative to the site. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside schemes ("java\tscript:"); removing all
  // of them can only turn a harmless URL into a rejected one, never the other way round.
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  // "//host/x" (and "/\host", "\\host": browsers read "\" as "/" in web URLs) leaves the site
  // with the page's scheme: an off-site link that does not look like one.
  if (/^[/\\]{2}/.test(cleaned)) return false;
  const scheme = SCHEME.exec(cleaned);
  if (scheme) return ALLOWED_SCHEMES.has(scheme[1].toLowerCase());
  // No scheme: a relative path, "#fragment" or "?query". A ":" before the first "/", "?" or "#"
  // would make it a scheme, which the test above has handled.
  return true;
}

/** True when the URL's percent-escapes decode (Astro's image pipeline throws on "%E0%A4%A", "%ZZ"). */
export function hasValidPercentEncoding(url: string): boolean {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
}
