// The offline service worker (docs/offline.md). Bundled by src/integrations/service-worker.ts into
// <base>sw.js, with this build's precache manifest inlined as __HOIDAP_SW__.
//
// - Precache (Workbox): the app shell and the search index, installed all-or-nothing (each file is
//   checked against its Subresource Integrity hash), served cache-first.
// - Pages: network-first with a short timeout; the copy saved on the device is served when the network
//   fails, is too slow or errors, with a banner giving the date of the copy. Never-saved pages get the
//   offline page, listing what is saved.
// - Atomic updates: every cache is named after the build (a hash of the precache manifest). A new
//   build installs into new caches while the old worker keeps serving its own; it activates only when
//   no page uses the old worker (no skipWaiting), then deletes the old caches. Saved pages are
//   re-downloaded from the new build during install, never carried over.
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { Route, Router } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import type { RouteHandlerCallbackOptions, WorkboxPlugin } from 'workbox-core/types.js';
import { bannerHtml, injectAfterBody, pageTitle, parseSavedDate, placeholderFragment, savedListHtml, type SavedPage } from './html.ts';
import { SAVED_AT_HEADER, SAVED_LIST_MARKER, TITLE_HEADER, type SwConfig } from './shared.ts';
import type { BannerReason } from './strings.ts';
import type { ExtendableEventLike, FetchEventLike, ServiceWorkerScope } from './worker-types.ts';

declare const __HOIDAP_SW__: SwConfig;
const config = __HOIDAP_SW__;
// Cast justified: the project compiles with DOM types; in the worker `self` is a ServiceWorkerGlobalScope.
const sw = self as unknown as ServiceWorkerScope;

// Cache names: one set per scope (several sites may share an origin) and per build.
const PREFIX = `hoidap:${sw.registration.scope}:`;
const PRECACHE = `${PREFIX}precache:${config.buildId}`;
const PAGES = `${PREFIX}pages:${config.buildId}`;
const RUNTIME = `${PREFIX}runtime:${config.buildId}`;
const OURS = new Set([PRECACHE, PAGES, RUNTIME]);

const precache = new PrecacheController({ cacheName: PRECACHE });
precache.addToCacheList(config.precache.map(({ url, revision, integrity }) => ({ url, revision, integrity })));

/**
 * Content-hashed files (Astro assets, Pagefind chunks of every index shard, the first-stage index's
 * shards and buckets in their content-keyed folder): safe to cache forever within a build. The
 * first-stage manifest that names the folder is precached, so a page of this build reads this build's
 * files, online or off.
 */
const HASHED = new RegExp(`^${escapeRegExp(config.base)}(?:_astro/|pagefind/(?:shard-\\d+/)?(?:fragment|index|filter)/|search/first/[0-9a-f]{16}/)`);
const FRAGMENT = new RegExp(`^${escapeRegExp(config.base)}pagefind/(?:shard-\\d+/)?fragment/`);

// ---------------------------------------------------------------------------------------------------
// Install, activate

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const previous = await previousCaches();
      await reuseUnchanged(previous);
      await precache.install(event as never);
      // An older worker activating meanwhile deletes every cache but its own, this one's included:
      // install again what went missing (Workbox skips what is cached), or fail and retry later.
      if ((await missingFromPrecache()) > 0) await precache.install(event as never);
      if ((await missingFromPrecache()) > 0) throw new Error('precache incomplete');
      await refreshSavedPages(previous.pages);
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && !OURS.has(name)) await caches.delete(name);
      }
      await sw.clients.claim();
    })(),
  );
});

interface PreviousCaches {
  precache: string[];
  pages: string[];
  runtime: string[];
}

async function previousCaches(): Promise<PreviousCaches> {
  const found: PreviousCaches = { precache: [], pages: [], runtime: [] };
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || OURS.has(name)) continue;
    const kind = name.slice(PREFIX.length).split(':')[0] as keyof PreviousCaches;
    found[kind]?.push(name);
  }
  return found;
}

/**
 * Copies what the new build shares with an older one, so an update downloads only what changed: a
 * precache entry is the same file when its cache key (URL and revision) is the same; hashed runtime
 * files are the same file when their URL is.
 */
async function reuseUnchanged(previous: PreviousCaches): Promise<void> {
  if (previous.precache.length > 0) {
    const target = await caches.open(PRECACHE);
    const olds = await Promise.all(previous.precache.map((name) => caches.open(name)));
    for (const cacheKey of precache.getURLsToCacheKeys().values()) {
      for (const old of olds) {
        const hit = await old.match(cacheKey);
        if (hit) {
          await target.put(cacheKey, hit);
          break;
        }
      }
    }
  }
  if (previous.runtime.length > 0) {
    const target = await caches.open(RUNTIME);
    for (const name of previous.runtime) {
      const old = await caches.open(name);
      for (const request of await old.keys()) {
        if (!HASHED.test(new URL(request.url).pathname)) continue;
        const hit = await old.match(request);
        if (hit) await target.put(request, hit);
      }
    }
    await trim(target, config.maxRuntimeEntries);
  }
}

async function missingFromPrecache(): Promise<number> {
  const cache = await caches.open(PRECACHE);
  let missing = 0;
  for (const cacheKey of precache.getURLsToCacheKeys().values()) if (!(await cache.match(cacheKey))) missing++;
  return missing;
}

/** Downloads this build's version of every page saved under an older build (bounded in time). */
async function refreshSavedPages(previousPages: string[]): Promise<void> {
  const urls = new Set<string>();
  for (const name of previousPages) {
    for (const request of await (await caches.open(name)).keys()) urls.add(request.url);
  }
  const queue = [...urls].slice(-config.maxPages);
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      try {
        const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
        if (isSaveablePage(response) && !response.redirected) await savePage(url, response);
      } catch {
        // Offline again: this page is not carried over (an old copy would not match the new build).
      }
    }
  };
  await Promise.race([Promise.all([worker(), worker(), worker()]), delay(config.refreshBudgetMs)]);
  queue.length = 0;
}

// ---------------------------------------------------------------------------------------------------
// Fetch

const router = new Router();

// 1. Page navigations (the search page is precached: served with its own build's index).
router.registerRoute(
  new Route(
    ({ request, url }) => request.mode === 'navigate' && url.origin === sw.location.origin && url.pathname.startsWith(config.base) && !bypassed(url.pathname),
    async ({ request, event }: RouteHandlerCallbackOptions) => {
      const url = new URL(request.url);
      if (url.pathname === config.pages.search) {
        const shell = await precache.matchPrecache(config.pages.search);
        if (shell) return shell;
      }
      // Cast justified: workbox types the event as a DOM ExtendableEvent, the helper takes the narrow shape it uses.
      return networkFirstPage(request, event as unknown as ExtendableEventLike);
    },
  ),
);

// 2. The precache. Pagefind asks for its entry file with a `?ts=` cache buster.
router.registerRoute(new PrecacheRoute(precache, { ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/] }));

// 3. Hashed files not in the precache: cached on first use. A search result whose fragment cannot
//    be had (offline, or a stale index after a deployment) becomes a stand-in rather than an error.
const trimRuntime: WorkboxPlugin = {
  cacheDidUpdate: async ({ cacheName }) => trim(await caches.open(cacheName), config.maxRuntimeEntries),
};
const fragmentFallback: WorkboxPlugin = {
  fetchDidSucceed: async ({ response }) => {
    if (!response.ok) throw new Error(`fragment: HTTP ${response.status}`);
    return response;
  },
  handlerDidError: async () =>
    new Response(placeholderFragment(config.pages.offline.slice(config.base.length)), { headers: { 'content-type': 'application/octet-stream' } }),
};
router.registerRoute(
  new Route(
    ({ url }) => url.origin === sw.location.origin && FRAGMENT.test(url.pathname),
    new CacheFirst({ cacheName: RUNTIME, plugins: [fragmentFallback, trimRuntime] }),
  ),
);
router.registerRoute(
  new Route(({ url }) => url.origin === sw.location.origin && HASHED.test(url.pathname), new CacheFirst({ cacheName: RUNTIME, plugins: [trimRuntime] })),
);

// Which build this worker serves (for support and tests): post 'hoidap:build' with a MessagePort.
sw.addEventListener('message', (event) => {
  if (event.data === 'hoidap:build') event.ports[0]?.postMessage(config.buildId);
});

sw.addEventListener('fetch', (event) => {
  const handled = router.handleRequest({ request: event.request, event: event as never });
  if (handled) event.respondWith(handled);
});

// ---------------------------------------------------------------------------------------------------
// Pages

type Outcome = { kind: 'response'; response: Response } | { kind: 'error' } | { kind: 'timeout' };

async function networkFirstPage(request: Request, event: ExtendableEventLike): Promise<Response> {
  const key = pageKey(request.url);
  let saving: Promise<void> = Promise.resolve();
  const network = fetch(request).then((response) => {
    // Once a newer build is known (its worker installing or waiting), the server sends that build's
    // pages: they are not saved here, so this worker's saved copies stay its own build's.
    const newer = sw.registration.installing ?? sw.registration.waiting;
    if (!newer && isSaveablePage(response)) saving = savePage(key, response.clone());
    return response;
  });
  // A response that arrives after the timeout still refreshes the saved copy.
  event.waitUntil(network.then(() => saving).catch(() => undefined));

  const settled = network.then(
    (response): Outcome => ({ kind: 'response', response }),
    (): Outcome => ({ kind: 'error' }),
  );
  let outcome = await Promise.race([settled, delay(config.networkTimeoutMs).then((): Outcome => ({ kind: 'timeout' }))]);
  if (outcome.kind === 'timeout') {
    const saved = await findSaved(key);
    if (saved) return withBanner(saved, 'slow');
    outcome = await settled;
  }
  if (outcome.kind === 'response') {
    if (outcome.response.status >= 500) {
      const saved = await findSaved(key);
      if (saved) return withBanner(saved, 'error');
    }
    return outcome.response;
  }
  const saved = await findSaved(key);
  return saved ? withBanner(saved, 'offline') : offlinePage();
}

function isSaveablePage(response: Response): boolean {
  return response.status === 200 && response.type === 'basic' && (response.headers.get('content-type') ?? '').includes('text/html');
}

/** Saved copies are keyed by path: the query string does not change a static page. */
function pageKey(href: string): string {
  const url = new URL(href);
  let path = url.pathname;
  // The site's URLs end with a slash (trailingSlash: 'always'); a QR code typed without it still matches.
  if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) path += '/';
  return url.origin + path;
}

async function savePage(key: string, response: Response): Promise<void> {
  const body = await response.text();
  const headers = cleanHeaders(response.headers);
  headers.set(SAVED_AT_HEADER, new Date().toISOString());
  headers.set(TITLE_HEADER, encodeURIComponent(pageTitle(body)));
  const cache = await caches.open(PAGES);
  await cache.delete(key); // re-inserted last: the oldest saves are dropped first
  await cache.put(key, new Response(body, { status: 200, statusText: 'OK', headers }));
  await trim(cache, config.maxPages);
}

/** The saved copy of a page, or the precached one (home page, offline page). */
async function findSaved(key: string): Promise<Response | undefined> {
  const saved = await (await caches.open(PAGES)).match(key);
  if (saved) return saved;
  const path = new URL(key).pathname;
  return path === config.pages.home || path === config.pages.offline ? precache.matchPrecache(path) : undefined;
}

async function withBanner(saved: Response, reason: BannerReason): Promise<Response> {
  const html = await saved.text();
  const savedAt = parseSavedDate(saved.headers.get(SAVED_AT_HEADER) ?? saved.headers.get('date'));
  return new Response(injectAfterBody(html, bannerHtml(reason, savedAt)), { status: 200, statusText: 'OK', headers: cleanHeaders(saved.headers) });
}

/** The precached offline page, with the list of pages saved on this device. */
async function offlinePage(): Promise<Response> {
  const page = await precache.matchPrecache(config.pages.offline);
  if (!page) return Response.error();
  const html = (await page.text()).replace(SAVED_LIST_MARKER, savedListHtml(await savedPages()));
  return new Response(html, { status: 503, statusText: 'Offline', headers: cleanHeaders(page.headers) });
}

async function savedPages(): Promise<SavedPage[]> {
  const cache = await caches.open(PAGES);
  const pages: SavedPage[] = [];
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (url.pathname === config.pages.offline) continue;
    const response = await cache.match(request);
    if (!response) continue;
    pages.push({
      url: url.pathname,
      title: safeDecode(response.headers.get(TITLE_HEADER) ?? ''),
      savedAt: parseSavedDate(response.headers.get(SAVED_AT_HEADER)),
    });
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------------
// Helpers

/** Copies headers minus those describing the original transfer (the body is re-encoded). */
function cleanHeaders(source: Headers): Headers {
  const headers = new Headers(source);
  for (const name of ['content-length', 'content-encoding', 'etag', 'last-modified']) headers.delete(name);
  return headers;
}

/** Drops the oldest entries (caches list keys in insertion order) beyond `max`. */
async function trim(cache: Cache, max: number): Promise<void> {
  const keys = await cache.keys();
  for (const request of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(request);
}

function bypassed(pathname: string): boolean {
  return config.bypass.some((p) => pathname.startsWith(config.base + p));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
