// Site paths. Every path is built here so the site works under a sub-path (SITE_BASE) and so an entry's
// URL depends on its id alone.

/** Joins the base (`/` or `/hoi-dap/`) and a site-relative path such as `cau-hoi/x/`. */
export function withBase(base: string, p = ''): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + p.replace(/^\/+/, '');
}

export const paths = {
  home: () => '',
  entry: (id: string) => `cau-hoi/${id}/`,
  field: (id: string) => `linh-vuc/${id}/`,
  unit: (id: string) => `don-vi/${id}/`,
  document: (id: string) => `van-ban/${id}/`,
  search: () => 'tim-kiem/',
  review: () => 'ra-soat/',
  handbook: () => 'so-tay/',
  feedAll: () => 'feeds/all.xml',
  feedField: (id: string) => `feeds/${id}.xml`,
  dataEntries: () => 'data/entries.json',
  ask: () => 'hoi/',
  waiting: () => 'cau-hoi-dang-cho/',
  questionStats: () => 'thong-ke/',
  feedQuestions: () => 'feeds/questions.xml',
  dataQuestions: () => 'data/questions.json',
};

/** Absolute URL of a site path, for QR codes, feeds and exports. */
export function absoluteUrl(site: string, base: string, p: string): string {
  return new URL(withBase(base, p), site.endsWith('/') ? site : `${site}/`).href;
}
