// Pure text functions of the service worker: the offline banner, the saved-pages list, the stand-in for
// a search result that is not on the device. No browser APIs, so Node tests can run them.
import { escapeHtml } from '../publish/escape-html.ts';
import { offlineVi, type BannerReason } from './strings.ts';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** `dd/mm/yyyy` in Vietnam time, the way the rest of the site writes dates. */
export function formatSavedDate(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')}`;
}

/** A date from a saved response's header, or undefined when missing or unreadable. */
export function parseSavedDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The banner element. Styled by src/styles/offline.css (no inline style: the CSP forbids it). */
export function bannerHtml(reason: BannerReason, savedAt?: Date): string {
  const b = offlineVi.banner;
  const saved = savedAt ? b.saved(formatSavedDate(savedAt)) : b.savedUndated;
  return `<p class="offline-banner" role="status" data-offline-banner="${reason}">${escapeHtml(`${b[reason]} — ${saved}`)}</p>`;
}

/** Inserts `fragment` right after the opening `<body …>` tag (at the start when there is none). */
export function injectAfterBody(html: string, fragment: string): string {
  const match = /<body\b[^>]*>/i.exec(html);
  if (!match) return fragment + html;
  const at = match.index + match[0].length;
  return html.slice(0, at) + fragment + html.slice(at);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The page's own title, without the ` | site name` suffix the layout adds. */
export function pageTitle(html: string): string {
  const raw = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? '';
  const title = decodeEntities(raw).trim();
  const cut = title.lastIndexOf(' | ');
  return cut > 0 ? title.slice(0, cut) : title;
}

export interface SavedPage {
  url: string;
  title: string;
  savedAt?: Date;
}

/** The list of saved pages for the offline page, newest first. */
export function savedListHtml(pages: SavedPage[]): string {
  const p = offlineVi.page;
  if (pages.length === 0) return `<p class="saved-none">${escapeHtml(p.noneSaved)}</p>`;
  const sorted = [...pages].sort((a, b) => (b.savedAt?.getTime() ?? 0) - (a.savedAt?.getTime() ?? 0));
  const items = sorted.map((page) => {
    const date = page.savedAt ? ` <span class="saved-date">(${escapeHtml(p.savedOn(formatSavedDate(page.savedAt)))})</span>` : '';
    return `<li><a href="${escapeHtml(page.url)}">${escapeHtml(page.title || page.url)}</a>${date}</li>`;
  });
  return `<ul class="saved-pages">${items.join('')}</ul>`;
}

/**
 * A Pagefind fragment (already "decompressed": Pagefind accepts data that starts with its signature)
 * standing in for a result whose fragment is neither cached nor downloadable. Pagefind prefixes the
 * URL with the site base, so it is given relative to the site root.
 */
export function placeholderFragment(offlinePath: string): string {
  const r = offlineVi.unsavedResult;
  const fragment = {
    url: `/${offlinePath.replace(/^\/+/, '')}`,
    content: '',
    word_count: 0,
    filters: {},
    // `unsaved` tells the search engine this is a stand-in, not the page's text (see runSearch).
    meta: { title: r.title, summary: r.summary, unsaved: '1' },
    anchors: [],
  };
  return `pagefind_dcd${JSON.stringify(fragment)}`;
}
