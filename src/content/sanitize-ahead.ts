// Entry bodies sanitised ahead of the pages, on a second thread (src/integrations/sanitize-ahead.ts):
// the content layer hands over each Markdown body as it renders it, and the page showing the body takes
// the result instead of sanitising it on Astro's one rendering thread (BENCHMARKS.md). The helper is
// kept on globalThis: the content layer and the pages each run their own copy of this module. No node:
// imports: the page bundle imports this file.

export interface SanitizeAhead {
  /** Queues the rendered HTML of one body. */
  add(html: string): void;
  /** Sends what is queued to the helper thread. */
  flush(): void;
  /**
   * What sanitizeEntryHtml gives for exactly this HTML, if it was sanitised ahead (waiting for it when it
   * is on its way); undefined otherwise, and for HTML the sanitiser rejects, so that the page sanitises
   * it itself and fails as it always did.
   */
  take(html: string): Promise<string | undefined>;
}

const KEY = Symbol.for('hoidap.sanitizeAhead');
const store = globalThis as typeof globalThis & { [KEY]?: SanitizeAhead };

export function registerSanitizeAhead(helper: SanitizeAhead | undefined): void {
  store[KEY] = helper;
}

/** The helper of this build, when one runs (a build of a one-shard bank). */
export function sanitizeAhead(): SanitizeAhead | undefined {
  return store[KEY];
}
