// What `npm run handbook` relies on in the handbook page (src/components/handbook/Handbook.astro and
// its parts): the selectors and data attributes, in one place, so the printer and a test that parses a
// built handbook page (tests/handbook/page-contract.test.ts) read the same list.
//
// Every selector below is STRUCTURAL: relative to the handbook root and anchored with `:scope >`
// chains through elements the templates write, never "anywhere below". An entry's rendered answer
// sits inside its own <article>, so markup in it (should any get past the guard and the sanitiser)
// cannot stand where the printer looks for entries, questions, QR codes or page-number slots.

/** The root element of a handbook page; its attributes carry the page-level facts. */
export const ROOT = '[data-handbook]';

/** Attributes of the root the printer reads. */
export const ROOT_ATTRS = {
  title: 'data-hb-title',
  version: 'data-hb-version',
  base: 'data-hb-base',
  site: 'data-hb-site',
  scope: 'data-hb-scope',
} as const;

/** Written on /so-tay/ instead of the handbook when the whole handbook is too large for one page. */
export const TOO_LARGE_ATTR = 'data-hb-too-large';

/** Selectors relative to the root (or to the element named in the comment). */
export const SEL = {
  cover: ':scope > .hb-cover',
  changes: ':scope > [data-hb-changes]',
  toc: ':scope > nav.hb-toc',
  fields: ':scope > [data-hb-field]',
  /** Relative to a field section. */
  topics: ':scope > [data-hb-topic]',
  /** Relative to a topic section. */
  entries: ':scope > article.hb-entry',
  /** Every entry article at any depth: must be exactly the structural ones. */
  anyEntry: 'article.hb-entry',
  /** Relative to an entry. */
  question: ':scope > .hb-head > .hb-title > .hb-q',
  qr: ':scope > .hb-head > .hb-qr',
  entryPrintDate: ':scope > .hb-head > .hb-title > .hb-meta time[data-print-date]',
  /** Relative to the cover. */
  coverPrintDate: 'time[data-print-date]',
  count: '[data-hb-count]',
  filter: '[data-hb-filter]',
  owner: '[data-hb-owner]',
  /** Relative to the table of contents. */
  tocEntry: '[data-toc-entry]',
  tocGroup: '[data-hb-toc-group]',
  tocField: '[data-hb-toc-field]',
  empty: '[data-hb-empty]',
  /** Relative to the table of contents or the change page. */
  pageSlot: '[data-toc-page]',
} as const;

/** Attribute names read from the elements above. */
export const ATTR = {
  entryId: 'data-entry-id',
  tocEntry: 'data-toc-entry',
  tocPage: 'data-toc-page',
  owner: 'data-hb-owner',
} as const;

export type Selectors = typeof SEL;
export type Attributes = typeof ATTR;
