// The Sveltia CMS application, served from the site itself rather than a CDN: the single-file build
// shipped in the npm package @sveltia/cms (dist/sveltia-cms.js), its Vietnamese UI strings and its fonts.
//
// The single-file build is made for CDN use: it fetches its UI strings from unpkg.com and its fonts
// (text and the icon font) from cdn.jsdelivr.net. The script served here points both at copies served
// next to it, taken from the same package (locales/, and the fonts its npm build bundles in
// npm/assets/), so the CMS works where those CDNs are blocked. Each rewrite is by pattern; if a new
// Sveltia version no longer matches, that part is served unchanged (from the CDN) and the CMS test
// reports it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** UI languages whose strings the site serves (the CMS falls back to English for the others). */
export const SERVED_LOCALES = ['vi'] as const;

/** Folder of the installed @sveltia/cms package. */
export function sveltiaPackageDir(cwd = process.cwd()): string {
  // The package exports only its entry point (npm/index.js), one level below the package folder.
  const entry = createRequire(path.join(cwd, 'package.json')).resolve('@sveltia/cms');
  return path.resolve(path.dirname(entry), '..');
}

export function sveltiaVersion(cwd = process.cwd()): string {
  return (JSON.parse(fs.readFileSync(path.join(sveltiaPackageDir(cwd), 'package.json'), 'utf8')) as { version: string }).version;
}

const readScript = (cwd: string) => fs.readFileSync(path.join(sveltiaPackageDir(cwd), 'dist', 'sveltia-cms.js'), 'utf8');

// The base of the UI strings URL, a constant like USe=`${iP}@${rP}/locales` (unpkg.com/@sveltia/cms@<version>).
const LOCALE_BASE = /([\w$]+)=`\$\{[\w$]+\}@\$\{[\w$]+\}\/locales`/;
/** What the locale base becomes: the `locales` folder next to the script. */
export const LOCAL_LOCALES = '=new URL(`locales`,document.currentScript?.src||location.href).href';

// Font files in the script's CSS, e.g. .../fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2
const CDN_FONT = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+)\.woff2/g;

/**
 * Fonts the script loads that the package also ships: served name (`<family>-<file>.woff2`) → path of
 * the copy in npm/assets/ (whose names carry a hash: `<family>-<file>-<hash>.woff2`).
 */
export function sveltiaFonts(cwd = process.cwd()): Map<string, string> {
  const assets = path.join(sveltiaPackageDir(cwd), 'npm', 'assets');
  const available = fs.existsSync(assets) ? fs.readdirSync(assets) : [];
  const fonts = new Map<string, string>();
  for (const [, family, file] of readScript(cwd).matchAll(CDN_FONT)) {
    const name = `${family}-${file}`;
    const copy = available.find((f) => f.startsWith(`${name}-`) && f.endsWith('.woff2'));
    if (copy) fonts.set(`${name}.woff2`, path.join(assets, copy));
  }
  return fonts;
}

// The CMS asks third parties about themselves: each git backend has a `checkStatus` that polls the
// host's public status page (www.githubstatus.com, status-api.hostedstatus.com for GitLab) every few
// minutes, and the app polls unpkg.com for a newer version of itself. Sveltia has no setting for
// either, and a government network should not announce its editors to those hosts: the served script
// drops `checkStatus` (the status badge is then never shown) and aborts the version request before it
// leaves the browser (the app then treats the version as unknown, as when offline).
export const STATUS_CHECK = /checkStatus:[\w$]+,/g;
// e.g. `LSe=async()=>{try{let e=await fetch(NSe);` where NSe=`${iP}/package.json`.
export const UPDATE_CHECK = /fetch\(([\w$]+)\)(?=;if\(!e\.ok\)return;let\{version:)/;

/**
 * The script as the site serves it at `<base>admin/sveltia-cms.js`: UI strings and fonts from the
 * site, and no source-map comment (the 9 MB map is not published).
 */
export function sveltiaScript(base = '/', cwd = process.cwd()): string {
  const fonts = sveltiaFonts(cwd);
  return readScript(cwd)
    .replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')
    .replace(STATUS_CHECK, 'checkStatus:void 0,')
    .replace(UPDATE_CHECK, (_, name: string) => `fetch(${name},{signal:AbortSignal.abort()})`)
    .replace(LOCALE_BASE, (_, name: string) => `${name}${LOCAL_LOCALES}`)
    .replace(CDN_FONT, (url, family: string, file: string) => {
      const name = `${family}-${file}.woff2`;
      return fonts.has(name) ? `${base}admin/fonts/${name}` : url;
    });
}

/** The UI strings of one language, as shipped in the package. */
export function sveltiaLocale(code: string, cwd = process.cwd()): string {
  return fs.readFileSync(path.join(sveltiaPackageDir(cwd), 'locales', `${code}.json`), 'utf8');
}
