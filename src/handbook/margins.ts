// The page header and footer of the printed handbook, and the font they are set in.
//
// Chromium renders header and footer templates apart from the document, loads nothing from a server
// for them (an http: font URL there makes printing fail), and uses a web font there only when the
// document has already loaded the very same face: the same data: URL, from its memory cache. So the
// printer serves a stylesheet of its own from the site's origin (style-src 'self': no inline <style>)
// holding the shipped Noto Sans as data: URLs, has the page load it, and puts the same rules in the
// templates. That needs `data:` in font-src, the one difference between PRINTER_CSP and the site's
// policy: a font cannot run code or reach the network, and the content has no way to add a style.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { handbookVi as hb } from '../i18n/handbook-vi.ts';
import { SITE_CSP } from '../publish/security-headers.ts';
import { escapeHtml } from '../publish/escape-html.ts';

/** The site's CSP, with data: fonts for the margin font (see above). */
export const PRINTER_CSP = SITE_CSP.replace("font-src 'self'", "font-src 'self' data:");
if (PRINTER_CSP === SITE_CSP) throw new Error("the site's CSP has no \"font-src 'self'\" to extend");

export const MARGIN = { top: '18mm', right: '15mm', bottom: '16mm', left: '15mm' };
export const MARGIN_FONT = 'Hoidap Margin';
/** Text that needs both subsets: loading it makes the page fetch both faces. */
export const MARGIN_FONT_SAMPLE = 'Sổ tay Điện 0123';

/** Path, under the site's base, of the files the printer serves itself (never a path of the site). */
export const PRINTER_DIR = '__hoidap-handbook/';

const SUBSETS = [
  {
    subset: 'vietnamese',
    range: 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  },
  { subset: 'latin', range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2212,U+2215' },
];
const fontName = (subset: string) => `noto-sans-${subset}-400-normal.woff2`;

/** Files the printer serves under {@link PRINTER_DIR}, by name: the margin-font stylesheet. */
export function printerFiles(): Map<string, { type: string; body: Buffer }> {
  const files = new Map<string, { type: string; body: Buffer }>();
  files.set('margin.css', { type: 'text/css; charset=utf-8', body: Buffer.from(templateFontCss()) });
  return files;
}

/** `@font-face` rules of the margin font; `src(subset)` is the URL of a face. */
export function marginFontCss(src: (file: string) => string): string {
  return SUBSETS.map(
    ({ subset, range }) => `@font-face{font-family:'${MARGIN_FONT}';font-weight:400;src:url(${src(fontName(subset))}) format('woff2');unicode-range:${range}}`,
  ).join('');
}

/** The faces as data: URLs, for the header and footer templates (which load nothing from a server). */
export function templateFontCss(): string {
  return marginFontCss((name) => `data:font/woff2;base64,${fontFile(name).toString('base64')}`);
}

const fontFile = (name: string) => fs.readFileSync(fileURLToPath(import.meta.resolve(`@fontsource/noto-sans/files/${name}`)));

/** Header: handbook and field, and the filters; footer: print date, content version, page x / n. */
export function headerFooter(fontCss: string, title: string, version: string, filters: string[], printDate: string): { header: string; footer: string } {
  const style =
    `<style>${fontCss}.hf{font-family:'${MARGIN_FONT}';font-size:8pt;color:#333;width:100%;margin:0 ${MARGIN.right} 0 ${MARGIN.left};` +
    'display:flex;justify-content:space-between;gap:6mm}</style>';
  const header =
    `${style}<div class="hf" style="border-bottom:0.5pt solid #999;padding-bottom:1mm"><span>${escapeHtml(`${hb.title} · ${title}`)}</span>` +
    `<span>${escapeHtml(filters.join(' · '))}</span></div>`;
  const footer =
    `${style}<div class="hf"><span>${escapeHtml(`${hb.printedShort} ${printDate} · ${hb.contentVersion} ${version}`)}</span>` +
    `<span>${escapeHtml(hb.page)} <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
  return { header, footer };
}
