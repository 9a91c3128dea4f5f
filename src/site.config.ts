// Deployment settings, in one place. Each can be overridden by an environment variable at build time.

/** Absolute site URL (used for QR codes, feeds and canonical links): `SITE_URL`. */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.SITE_URL?.trim() || 'http://localhost:4321';
}

/** Sub-path the site is served under, e.g. `/hoi-dap/` inside a ministry portal: `SITE_BASE`. */
export function siteBase(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.SITE_BASE?.trim() || '/';
  return `/${raw.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** Where officers send a question nobody has answered yet: `HOIDAP_CONTACT_EMAIL`. */
export function contactEmail(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOIDAP_CONTACT_EMAIL?.trim() || 'hoidap@moit.gov.vn';
}
