// Pages load under the real Content-Security-Policy (from the built _headers file) with no violation.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/node/browser.ts';
import { serveSite, type Served } from '../../src/node/serve.ts';
import { ADMIN_CSP, COMMON_HEADERS, SITE_CSP, headersFor, parseHeadersFile } from '../../src/publish/security-headers.ts';
import { PROJECT } from '../../src/node/build-site.ts';
import { watchCspViolations } from '../helpers/csp.ts';

const sites = inject('sites');
/** A search the first stage passes to Pagefind: it cannot apply a level filter (docs/search.md, "Two stages"). */
const FULL_TEXT_QUERY = 'tim-kiem/?q=dat%20dai&level=province';

describe.each([
  ['sample', sites.sample, '/'],
  ['minimalBase', sites.minimalBase, '/hoi-dap/'],
])('CSP on the %s site', (_name, dir, base) => {
  let browser: Browser;
  let served: Served;
  const rules = parseHeadersFile(fs.readFileSync(path.join(dir, '_headers'), 'utf8'));
  const headers = (pathname: string) => headersFor(rules, pathname);
  beforeAll(async () => {
    browser = await launchBrowser();
    served = await serveSite(dir, base, 0, headers);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('sends the strict policy without unsafe-inline for scripts on site pages, the CMS its own', () => {
    for (const p of ['', 'cau-hoi/x/', 'tim-kiem/', 'pagefind/pagefind.js', 'so-tay/']) {
      expect(headers(`${base}${p}`)['Content-Security-Policy'], p).toBe(SITE_CSP);
    }
    expect(headers(`${base}admin/`)['Content-Security-Policy']).toBe(ADMIN_CSP);
    expect(SITE_CSP).not.toContain('unsafe-inline');
    for (const [k, v] of Object.entries(COMMON_HEADERS)) expect(headers(base)[k]).toBe(v);
  });

  // The first query is answered by the first-stage index (plain JSON); a level filter always goes to
  // Pagefind's full text (WebAssembly, its worker): both stages load under the policy.
  const pages = ['', 'tim-kiem/?q=dat%20dai', FULL_TEXT_QUERY, 'ra-soat/', 'so-tay/', '404.html', 'hoi/?q=gi%E1%BA%A5y%20ph%C3%A9p', 'cau-hoi-dang-cho/', 'thong-ke/'];
  for (const page of pages) {
    it(`loads ${page || '/'} with no CSP violation`, async () => {
      const tab = await browser.newPage();
      const violations = await watchCspViolations(tab);
      await tab.goto(served.url(page));
      if (page.startsWith('tim-kiem')) {
        await tab.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
        expect(await tab.locator('[data-search-results] a[data-entry-id]').count()).toBeGreaterThan(0);
      }
      await tab.waitForLoadState('networkidle');
      expect(violations).toEqual([]);
      await tab.close();
    });
  }

  it('an entry page loads with no CSP violation', async () => {
    const entry = fs.readdirSync(path.join(dir, 'cau-hoi'))[0];
    const tab = await browser.newPage();
    const violations = await watchCspViolations(tab, false);
    await tab.goto(served.url(`cau-hoi/${entry}/`));
    await tab.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    await tab.close();
  });
});

describe('sample server config', () => {
  it('deploy/nginx.conf carries the same policy and headers', () => {
    const nginx = fs.readFileSync(path.join(PROJECT, 'deploy/nginx.conf'), 'utf8');
    expect(nginx).toContain(`add_header Content-Security-Policy "${SITE_CSP}" always;`);
    expect(nginx).toContain(`add_header Content-Security-Policy "${ADMIN_CSP}" always;`);
    for (const [k, v] of Object.entries(COMMON_HEADERS)) expect(nginx).toContain(`add_header ${k} "${v}" always;`);
  });
});

describe('the violation detector itself', () => {
  // A query sent to Pagefind's full text (a level filter), whose WebAssembly the stricter policy forbids.
  it('reports a violation when the policy forbids what the search page needs', async () => {
    const strict = SITE_CSP.replace(" 'wasm-unsafe-eval'", '');
    const served = await serveSite(sites.sample, '/', 0, () => ({ 'Content-Security-Policy': strict }));
    const browser = await launchBrowser();
    const tab = await browser.newPage();
    const violations = await watchCspViolations(tab, false);
    await tab.goto(served.url(FULL_TEXT_QUERY));
    await tab.waitForSelector('[data-search-results][data-state]:not([data-state="loading"]):not([data-state="idle"])', { state: 'attached' });
    expect(violations.length).toBeGreaterThan(0);
    await browser.close();
    await served.close();
  });
});
