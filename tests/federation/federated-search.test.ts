// Two banks built apart and searched together (issue 15): site A (tests/fixtures/minimal, "the
// ministry") names site B (tests/fixtures/federation-b, a province) in HOIDAP_FEDERATE; B allows A's
// origin in HOIDAP_FEDERATE_ALLOW. Both are served on 127.0.0.1 with their own _headers, so the
// browser runs under the real CSP and CORS.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../src/node/browser.ts';
import { PROJECT } from '../../src/node/build-site.ts';
import { buildFederatedPair, type FederatedPair } from '../../src/node/federated-pair.ts';
import { FIXTURE_TODAY, MINIMAL_ROOT } from '../helpers/fixture-root.ts';
import { watchCspViolations } from '../helpers/csp.ts';

const OUT = path.join(PROJECT, '.cache/test-sites/federation');
const B_NAME = 'Sở Công Thương Nghệ An';

let pair: FederatedPair;
let browser: Browser;

beforeAll(async () => {
  pair = await buildFederatedPair(
    { root: MINIMAL_ROOT, outDir: path.join(OUT, 'a'), name: 'Bộ Công Thương', env: { HOIDAP_BUILD_DATE: FIXTURE_TODAY } },
    // B's index in shards of one entry (src/search/shards.ts): A must merge every shard B lists.
    { root: path.join(PROJECT, 'tests/fixtures/federation-b'), outDir: path.join(OUT, 'b'), name: B_NAME, env: { HOIDAP_BUILD_DATE: FIXTURE_TODAY, HOIDAP_SEARCH_SHARD_ENTRIES: '1' } },
  );
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await pair?.close();
});

interface Shown {
  href: string;
  bank: string;
}

/** Opens A's search page with a query string, collecting CSP violations, and reads the results. */
async function search(query: string): Promise<{ results: Shown[]; note: string; noteHidden: boolean; violations: string[]; tab: Page }> {
  const tab = await browser.newPage();
  const violations = await watchCspViolations(tab);
  await tab.goto(pair.a.url(`tim-kiem/?${query}`));
  // A partner's filter value applies once its site.json has arrived (the search runs again then).
  const field = new URLSearchParams(query).get('field');
  if (field) await tab.waitForFunction((f) => document.querySelector<HTMLSelectElement>('select[name=field]')!.value === f, field);
  await tab.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
  const results = await tab.$$eval('[data-search-results] li', (items) =>
    items.map((li) => ({ href: (li.querySelector('a.entry-link') as HTMLAnchorElement).href, bank: li.querySelector('.entry-bank')?.textContent ?? '' })),
  );
  const note = (await tab.textContent('[data-search-federation]')) ?? '';
  const noteHidden = await tab.$eval('[data-search-federation]', (el) => (el as HTMLElement).hidden);
  return { results, note, noteHidden, violations, tab };
}

describe('federated search across two banks', () => {
  it('publishes data/site.json with names, labels and a content version, and grants CORS to A only', async () => {
    const info = JSON.parse(fs.readFileSync(path.join(OUT, 'b/data/site.json'), 'utf8'));
    expect(info).toMatchObject({ name: B_NAME, baseUrl: pair.b!.url(), fields: [{ id: 'khuyen-cong', name: 'Khuyến công' }] });
    expect(info.units).toContainEqual({ id: 'trung-tam-khuyen-cong-nghe-an', name: 'Trung tâm Khuyến công Nghệ An', level: 'province' });
    expect(info.contentVersion).toMatch(/^sha256-[0-9a-f]{32}$/);
    // One shard per entry: "lò nung gốm" below is answered from the second.
    expect(info.searchShards).toEqual(['pagefind/', 'pagefind/shard-1/']);
    expect(fs.existsSync(path.join(OUT, 'b/pagefind/shard-1/pagefind-entry.json'))).toBe(true);
    const vocabulary = JSON.parse(fs.readFileSync(path.join(OUT, 'b/data/vocabulary.json'), 'utf8'));
    expect(vocabulary.words).toContain('gom');

    const preflight = await fetch(pair.b!.url('pagefind/pagefind-entry.json'), {
      method: 'OPTIONS',
      headers: { Origin: pair.a.origin, 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(pair.a.origin);
    const data = await fetch(pair.b!.url('data/site.json'), { headers: { Origin: pair.a.origin } });
    expect(data.headers.get('access-control-allow-origin')).toBe(pair.a.origin);
    const other = await fetch(pair.b!.url('data/site.json'), { headers: { Origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const page = await fetch(pair.b!.url('tim-kiem/'), { headers: { Origin: pair.a.origin } });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(pair.b!.url('tim-kiem/'), { method: 'OPTIONS', headers: { Origin: pair.a.origin } })).status).toBe(405);

    const csp = (await fetch(pair.a.url('tim-kiem/'))).headers.get('content-security-policy')!;
    expect(csp).toContain(`connect-src 'self' ${pair.b!.origin};`);
    expect(csp).not.toContain('unsafe-inline');
  });

  for (const q of ['lò nung gốm', 'lo nung gom']) {
    it(`finds B's answer for "${q}" on A, labelled with B and linking to B, with no CSP violation`, async () => {
      const { results, violations, noteHidden, tab } = await search(`q=${encodeURIComponent(q)}`);
      expect(results[0]).toEqual({ href: pair.b!.url('cau-hoi/ho-tro-lo-gom-thu-cong/'), bank: B_NAME });
      expect(noteHidden).toBe(true);
      await tab.waitForLoadState('networkidle');
      expect(violations).toEqual([]);
      await tab.close();
    });
  }

  it("ranks local and partner answers together, each with its bank's label", async () => {
    const { results, tab } = await search(`q=${encodeURIComponent('giấy chứng nhận')}`);
    expect(results.map((r) => r.bank).sort()).toEqual(['Bộ Công Thương', B_NAME].sort());
    expect(results.find((r) => r.bank === 'Bộ Công Thương')!.href).toBe(pair.a.url('cau-hoi/dang-ky-dat-dai-lan-dau/'));
    await tab.close();
  });

  it("filters by B's field, which A does not have, named with B's label", async () => {
    const { results, tab } = await search('q=san+pham&field=khuyen-cong');
    expect(results).toEqual([{ href: pair.b!.url('cau-hoi/binh-chon-san-pham-tieu-bieu/'), bank: B_NAME }]);
    const option = await tab.$eval('select[name=field]', (s) => (s as HTMLSelectElement).selectedOptions[0].textContent);
    expect(option).toBe(`Khuyến công (${B_NAME})`);
    const owners = await tab.$$eval('select[name=owner] option', (os) => os.map((o) => o.textContent));
    expect(owners).toContain(`Trung tâm Khuyến công Nghệ An (${B_NAME})`);
    await tab.close();
  });

  it("offline, A's service worker serves A's search, and B is named as not answering", async () => {
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      await tab.goto(pair.a.url(''));
      await tab.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await tab.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await context.setOffline(true);
      await tab.goto(pair.a.url(`tim-kiem/?q=${encodeURIComponent('giấy chứng nhận')}`));
      await tab.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
      // A's one match comes from the precached index (its text is not on the device yet, so the
      // result points to the offline page, as tests/e2e/offline.test.ts describes).
      expect(await tab.textContent('[data-search-status]')).toContain('1 kết quả');
      expect(await tab.locator('[data-search-results] li').count()).toBe(1);
      expect(await tab.textContent('[data-search-federation]')).toContain(B_NAME);
    } finally {
      await context.close();
    }
  });

  it("still answers from A when B is stopped, naming B in a quiet status note", async () => {
    await pair.stopB();
    try {
      const { results, note, noteHidden, violations, tab } = await search(`q=${encodeURIComponent('giấy chứng nhận')}`);
      expect(results).toEqual([{ href: pair.a.url('cau-hoi/dang-ky-dat-dai-lan-dau/'), bank: 'Bộ Công Thương' }]);
      expect(noteHidden).toBe(false);
      expect(note).toContain(B_NAME);
      expect(await tab.getAttribute('[data-search-federation]', 'role')).toBe('status');
      expect(violations).toEqual([]);
      await tab.close();
    } finally {
      await pair.startB();
    }
  });
});
