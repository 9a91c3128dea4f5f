// HTTP security headers, in one place: written to dist/_headers at build time (Netlify/Cloudflare
// Pages format), mirrored in deploy/nginx.conf (a test keeps them equal), and applied by the test
// server so browser tests run under the real policy.

/**
 * The site: only its own scripts (no 'unsafe-inline'); Pagefind needs WebAssembly compilation. A
 * federating site (HOIDAP_FEDERATE) may also fetch from exactly its partners' origins: Pagefind
 * fetches their index, fragments and WebAssembly, the page their site.json and vocabulary.
 * `formOrigins`: where the ask form may post besides mailto: (the portal's intake).
 */
export function siteCsp(partnerOrigins: readonly string[] = [], formOrigins: readonly string[] = []): string {
  const connect = ["'self'", ...new Set(partnerOrigins.map((o) => new URL(o).origin))].join(' ');
  // mailto: for the ask form (/hoi/), which works without JavaScript as a plain mailto: form; the
  // portal's question intake (HOIDAP_QUESTION_URL) when it is set.
  const forms = ["'self'", 'mailto:', ...formOrigins].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${forms}`,
    "frame-ancestors 'self'",
  ].join('; ');
}

export const SITE_CSP = siteCsp();

/** Folders other banks' search pages read cross-origin (the Pagefind index and data/site.json, vocabulary). */
export const FEDERATED_SECTIONS = ['pagefind', 'data'];

/**
 * CORS headers for the federated folders. Several origins are written as a space-separated list:
 * hoidap's own server (src/node/serve.ts) and nginx answer with the requesting origin when listed;
 * hosts that copy `_headers` literally need a single origin or "*".
 */
export function corsHeaders(allow: '*' | string[]): Record<string, string> {
  if (allow !== '*' && allow.length === 0) return {};
  return {
    'Access-Control-Allow-Origin': allow === '*' ? '*' : allow.join(' '),
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    'Access-Control-Max-Age': '86400',
    ...(allow === '*' ? {} : { Vary: 'Origin' }),
  };
}

/** The API of the CMS's default git host (GitHub), used when no other is configured. */
export const DEFAULT_GIT_API_ORIGIN = 'https://api.github.com';

/**
 * The CMS at /admin/ styles itself inline and talks to the site and to ONE git host's API, the one
 * configured for it (src/cms/options.ts cmsApiOrigin): no CDN, no update check, no status page.
 */
export function adminCsp(gitApiOrigin = DEFAULT_GIT_API_ORIGIN): string {
  const origin = new URL(gitApiOrigin).origin;
  if (!/^https:\/\/[^/]+$/.test(origin)) throw new Error(`the CMS's git host API must be an https URL (got "${gitApiOrigin}")`);
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self' data: blob: ${origin}`,
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The admin policy for the default git host (what deploy/nginx.conf carries). */
export const ADMIN_CSP = adminCsp();

export const COMMON_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export interface HeaderRule {
  /** Path pattern under the site base; `*` matches the rest of the path. */
  pattern: string;
  headers: Record<string, string>;
}

/**
 * Rules per path. The admin area gets its own policy, so the site's rule lists the site's sections
 * rather than `/*` (hosts apply every matching rule, and two CSPs would both be enforced).
 */
export function headerRules(
  base: string,
  sections: string[],
  adminPolicy = ADMIN_CSP,
  federation: { partners?: string[]; allow?: '*' | string[]; formOrigins?: readonly string[] } = {},
): HeaderRule[] {
  const b = base.endsWith('/') ? base : `${base}/`;
  const site = { ...COMMON_HEADERS, 'Content-Security-Policy': siteCsp(federation.partners, federation.formOrigins) };
  const cors = corsHeaders(federation.allow ?? []);
  return [
    { pattern: b, headers: site },
    ...sections.filter((s) => s !== 'admin').map((s) => ({ pattern: `${b}${s}${/\.\w+$/.test(s) ? '' : '/*'}`, headers: site })),
    { pattern: `${b}admin/*`, headers: { ...COMMON_HEADERS, 'Content-Security-Policy': adminPolicy } },
    // Only the federated folders are readable cross-origin; pages, the CMS and the rest are not.
    ...(Object.keys(cors).length ? FEDERATED_SECTIONS.map((s) => ({ pattern: `${b}${s}/*`, headers: cors })) : []),
  ];
}

/** The `_headers` file text. */
export function headersFile(rules: HeaderRule[]): string {
  return rules.map((r) => `${r.pattern}\n${Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`).join('\n');
}

/** Reads a `_headers` file back into rules. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else if (rules.length) {
      const at = line.indexOf(':');
      rules[rules.length - 1].headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/**
 * Headers for a request path, merging every matching rule as the hosts that read `_headers` do. A
 * list in Access-Control-Allow-Origin becomes the request's Origin when listed, else goes (as
 * deploy/nginx.conf's map does).
 */
export function headersFor(rules: HeaderRule[], pathname: string, origin?: string): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const r of rules) {
    const match = r.pattern.endsWith('*') ? pathname.startsWith(r.pattern.slice(0, -1)) : pathname === r.pattern;
    if (match) Object.assign(merged, r.headers);
  }
  const allowed = merged['Access-Control-Allow-Origin'];
  if (allowed && allowed !== '*') {
    const list = allowed.split(/\s+/);
    // The requesting origin when listed; an unlisted one gets no grant. Without an Origin, a single
    // origin is sent as written (as static hosts do).
    if (origin && list.includes(origin)) merged['Access-Control-Allow-Origin'] = origin;
    else if (origin || list.length > 1) delete merged['Access-Control-Allow-Origin'];
  }
  return merged;
}
