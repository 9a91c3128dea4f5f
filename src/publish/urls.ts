// Site paths. Every path is built here so the site works under a sub-path (SITE_BASE) and so an entry's
// URL depends on its id alone.

/** A base path in its one form: leading and trailing slash, `/` for none (`hoi-dap` → `/hoi-dap/`). */
export function normalizeBase(base = '/'): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** Joins the base (`/` or `/hoi-dap/`) and a site-relative path such as `cau-hoi/x/`. */
export function withBase(base: string, p = ''): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + p.replace(/^\/+/, '');
}

export const paths = {
  home: () => '',
  entry: (id: string) => `cau-hoi/${id}/`,
  field: (id: string) => `linh-vuc/${id}/`,
  /** Page `n` of a field's list of answers (src/content/pagination.ts); page 1 is the field page itself. */
  fieldPage: (id: string, n: number) => (n <= 1 ? `linh-vuc/${id}/` : `linh-vuc/${id}/trang-${n}/`),
  unit: (id: string) => `don-vi/${id}/`,
  document: (id: string) => `van-ban/${id}/`,
  search: () => 'tim-kiem/',
  /** The page where an officer asks a question the bank does not answer yet, the query carried over. */
  ask: (q = '') => (q ? `hoi/?q=${encodeURIComponent(q)}` : 'hoi/'),
  review: () => 'ra-soat/',
  handbook: () => 'so-tay/',
  feedAll: () => 'feeds/all.xml',
  feedField: (id: string) => `feeds/${id}.xml`,
  dataEntries: () => 'data/entries.json',
  waiting: () => 'cau-hoi-dang-cho/',
  questionStats: () => 'thong-ke/',
  feedQuestions: () => 'feeds/questions.xml',
  dataQuestions: () => 'data/questions.json',
};

/** Absolute URL of a site path, for QR codes, feeds and exports. */
export function absoluteUrl(site: string, base: string, p: string): string {
  return new URL(withBase(base, p), site.endsWith('/') ? site : `${site}/`).href;
}
