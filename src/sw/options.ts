// Build-time settings of the offline support, read from the environment (Node only).

/** `HOIDAP_OFFLINE=0` (or `false`, `off`, `no`) builds the site without the service worker. */
export function offlineEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !/^(0|false|off|no)$/i.test(env.HOIDAP_OFFLINE?.trim() ?? '');
}

/** The search index (Pagefind index and filter chunks) is precached up to this size: `HOIDAP_OFFLINE_INDEX_CAP_MB`. */
export function indexCapBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.HOIDAP_OFFLINE_INDEX_CAP_MB?.trim() || 5);
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`HOIDAP_OFFLINE_INDEX_CAP_MB must be a number of megabytes, got "${env.HOIDAP_OFFLINE_INDEX_CAP_MB}"`);
  return Math.round(mb * 1024 * 1024);
}
