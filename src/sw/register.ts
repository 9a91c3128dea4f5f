// Registers the offline service worker (docs/offline.md). Loaded with `defer` by every page except
// entry pages, which stay free of JavaScript. The worker and this script sit at the site base, so the
// base is read from this script's own URL.
const script = document.currentScript as HTMLScriptElement | null;
if (script && 'serviceWorker' in navigator) {
  const base = new URL('./', script.src);
  const register = () => {
    navigator.serviceWorker.register(new URL('sw.js', base).href, { scope: base.pathname }).catch(() => {
      // No offline support (private mode, blocked storage): the site works as before.
    });
  };
  // After the page has loaded: the precache download must not compete with the page itself.
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
export {};
