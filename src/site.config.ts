// Deployment settings, in one place. Each can be overridden by an environment variable at build time.
import { normalizeBase } from './lib/urls.ts';

/** Absolute site URL (used for QR codes, feeds and canonical links): `SITE_URL`. */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.SITE_URL?.trim() || 'http://localhost:4321';
}

/** Sub-path the site is served under, e.g. `/hoi-dap/` inside a ministry portal: `SITE_BASE`. */
export function siteBase(env: NodeJS.ProcessEnv = process.env): string {
  return normalizeBase(env.SITE_BASE?.trim() || '/');
}

/** Where officers send a question nobody has answered yet: `HOIDAP_CONTACT_EMAIL`. */
export function contactEmail(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOIDAP_CONTACT_EMAIL?.trim() || 'hoidap@moit.gov.vn';
}

/**
 * "Report a problem / ask a follow-up" link on every entry: `HOIDAP_FEEDBACK_URL` is a URL template
 * with {email}, {id}, {url} and {question} (each URL-encoded), e.g. a portal's feedback form:
 * https://portal.gov.vn/gop-y?ma={id}&trang={url}. The default writes an email to the owning unit.
 */
export function feedbackTemplate(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOIDAP_FEEDBACK_URL?.trim() || 'mailto:{email}?subject={subject}&body={body}';
}
