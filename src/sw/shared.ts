// What the build step (src/integrations/service-worker.ts) and the service worker (src/sw/sw.ts) agree
// on. No Node or browser APIs here: this file is bundled into the worker and imported by the build.

/** Output files, relative to the site base. */
export const SW_FILE = 'sw.js';
export const REGISTER_FILE = 'sw-register.js';

/** Response headers the worker adds to the pages it saves: when, and the page title (URI-encoded). */
export const SAVED_AT_HEADER = 'x-hoidap-saved-at';
export const TITLE_HEADER = 'x-hoidap-title';

/** Marker the worker fills with the list of saved pages when it serves the offline page. */
export const SAVED_LIST_MARKER = '<ul class="saved-pages" data-saved-pages></ul>';

/** One precached file: Workbox's manifest entry plus its size. */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
  /** Subresource Integrity of the file: an install that downloads anything else fails. */
  integrity: string;
}

/** Everything the worker needs to know about its build, inlined into sw.js at build time. */
export interface SwConfig {
  /** Hash of the precache manifest: names this build's caches. */
  buildId: string;
  /** Site base, e.g. `/` or `/hoi-dap/`. */
  base: string;
  precache: PrecacheEntry[];
  /** Absolute paths of the precached pages. */
  pages: { home: string; search: string; offline: string };
  /** Paths under the base the worker leaves alone (e.g. `admin/`, the CMS). */
  bypass: string[];
  /** Network-first pages fall back to the saved copy after this long. */
  networkTimeoutMs: number;
  /** Saved pages kept (oldest dropped first); refreshed from the network when a new build installs. */
  maxPages: number;
  /** Runtime-cached files kept (search fragments, index chunks over the cap, hashed assets). */
  maxRuntimeEntries: number;
  /** Longest an install spends refreshing saved pages before it gives up on the rest. */
  refreshBudgetMs: number;
}
