// Deployment settings, in one place. Each can be overridden by an environment variable at build time.
import { normalizeBase } from './publish/urls.ts';
import { parseFederate, parseFederateAllow, type Partner } from './search/federation.ts';

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

/**
 * The current instant for the answer clock: `HOIDAP_NOW` (ISO 8601 date-time with offset) when set, so
 * builds and tests are reproducible; else the build time. A malformed value stops the build.
 */
export function siteNow(env: NodeJS.ProcessEnv = process.env, clock: () => Date = () => new Date()): Date {
  const raw = env.HOIDAP_NOW?.trim();
  if (!raw) return clock();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) || Number.isNaN(Date.parse(raw))) {
    throw new Error(`HOIDAP_NOW must be an ISO 8601 date-time with offset, e.g. 2026-11-30T10:00:00+07:00 (got "${raw}")`);
  }
  return new Date(raw);
}

/** The portal's own question intake (a URL the ask form posts to instead of writing an email): `HOIDAP_QUESTION_URL`. */
export function questionUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env.HOIDAP_QUESTION_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`HOIDAP_QUESTION_URL must be an absolute http(s) URL (got "${raw}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`HOIDAP_QUESTION_URL must be an http(s) URL (got "${raw}")`);
  return url.href;
}

/** Other banks searched together with this one (src/search/federation.ts): `HOIDAP_FEDERATE`. */
export function federatePartners(env: NodeJS.ProcessEnv = process.env): Partner[] {
  return parseFederate(env.HOIDAP_FEDERATE);
}

/** Origins allowed to read this bank's pagefind/ and data/ files cross-origin: `HOIDAP_FEDERATE_ALLOW`. */
export function federateAllow(env: NodeJS.ProcessEnv = process.env): '*' | string[] {
  return parseFederateAllow(env.HOIDAP_FEDERATE_ALLOW);
}

/** This bank's name as partners show it next to its results: `HOIDAP_BANK_NAME` (default: the site's host). */
export function bankName(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOIDAP_BANK_NAME?.trim() || new URL(siteUrl(env)).host;
}
