// The questions pages, built from the questions fixture root with HOIDAP_NOW fixed, in Chromium under
// the real CSP: the ask form with and without JavaScript (mailto: carries field, question and asker,
// URL-encoded; with HOIDAP_QUESTION_URL it posts to that endpoint), known figures on /thong-ke/, the
// waiting list, entry and unit blocks, /data/questions.json, the Atom feed, no contact published,
// and no axe violation on the three pages.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { XMLValidator, XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../src/node/browser.ts';
import { buildSite, htmlFiles, PROJECT } from '../../src/node/build-site.ts';
import { serveSite, type Served } from '../../src/node/serve.ts';
import { headersFor, parseHeadersFile } from '../../src/publish/security-headers.ts';
import { parseAskMessage } from '../../src/questions/ask-message.ts';
import { FIXTURES, FIXTURE_TODAY } from '../helpers/fixture-root.ts';
import { watchCspViolations } from '../helpers/csp.ts';

const ROOT = path.join(FIXTURES, 'questions');
const OUT = path.join(PROJECT, '.cache/test-sites/questions');
const OUT_PORTAL = path.join(PROJECT, '.cache/test-sites/questions-portal');
const ENV = { HOIDAP_BUILD_DATE: FIXTURE_TODAY, HOIDAP_NOW: '2026-06-01T10:00:00+07:00', HOIDAP_CONTACT_EMAIL: 'hoidap@example.gov.vn' };
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let served: Served;
let servedPortal: Served;
let plain: Served;
let intake: http.Server;
const posted: { body: string; type: string | undefined }[] = [];

const servedWithCsp = (dir: string) => {
  const rules = parseHeadersFile(fs.readFileSync(path.join(dir, '_headers'), 'utf8'));
  return serveSite(dir, '/', 0, (p) => headersFor(rules, p));
};
const read = (rel: string) => fs.readFileSync(path.join(OUT, rel), 'utf8');

beforeAll(async () => {
  // The portal's intake endpoint: records what the form posts.
  intake = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.method === 'POST') posted.push({ body, type: req.headers['content-type'] }); // not the favicon request
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<!doctype html><html lang="vi"><title>ok</title><p>Đã nhận</p></html>');
    });
  });
  await new Promise<void>((r) => intake.listen(0, '127.0.0.1', r));
  const intakeUrl = `http://127.0.0.1:${(intake.address() as AddressInfo).port}/tiep-nhan`;
  for (const [outDir, env] of [[OUT, ENV], [OUT_PORTAL, { ...ENV, HOIDAP_QUESTION_URL: intakeUrl }]] as const) {
    const result = buildSite({ root: ROOT, outDir, env });
    if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
  }
  served = await servedWithCsp(OUT);
  servedPortal = await servedWithCsp(OUT_PORTAL);
  plain = await serveSite(OUT);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await servedPortal?.close();
  await plain?.close();
  await new Promise((r) => intake?.close(r));
});

describe('the ask form', () => {
  it('without JavaScript is a plain mailto: form to the contact address', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(served.url('hoi/'));
    const form = page.locator('form[data-ask-form]');
    expect(await form.getAttribute('action')).toMatch(/^mailto:hoidap@example\.gov\.vn\?subject=/);
    expect(await form.getAttribute('method')).toBe('post');
    expect(await form.getAttribute('enctype')).toBe('text/plain');
    for (const name of ['field', 'question', 'asked_by', 'contact']) expect(await form.locator(`[name="${name}"]`).count(), name).toBe(1);
    expect(await page.locator('[data-ask-preview]').isHidden()).toBe(true);
    // Submitting hands a mailto: URL to the browser: field, question and asker URL-encoded in its body.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const violations = await watchCspViolations(page);
    await page.selectOption('form[data-ask-form] select[name="field"]', 'dien-luc');
    // (No "&" here: Chromium turns it into a line break in a plain mailto: form; with JavaScript it is kept.)
    await page.fill('textarea[name="question"]', 'Trồng cây dưới đường dây cách bao xa?');
    await page.fill('input[name="asked_by"]', 'UBND xã Hạnh Lâm');
    await page.locator('form[data-ask-form] button[type="submit"]').click();
    await expect.poll(() => requests.find((u) => u.startsWith('mailto:'))).toBeTruthy();
    const mailto = requests.find((u) => u.startsWith('mailto:'))!;
    expect(mailto).not.toMatch(/[ À-ỹ]/);
    // Chromium encodes a text/plain mailto: body as UTF-8 twice; `npm run question -- add --from-email`
    // repairs it (docs/questions.md), so what a unit pastes still files in one step.
    const body = new URL(mailto).searchParams.get('body')!;
    expect(body).toContain('field=dien-luc');
    expect(parseAskMessage(body)).toEqual({ field: 'dien-luc', question: 'Trồng cây dưới đường dây cách bao xa?', asked_by: 'UBND xã Hạnh Lâm', contact: '' });
    expect(violations).toEqual([]);
    await ctx.close();
  });

  it('with JavaScript validates, prefills ?q=, previews and opens a mailto: to the field intake unit', async () => {
    const page = await browser.newPage();
    const violations = await watchCspViolations(page);
    await page.goto(served.url('hoi/?q=Tr%E1%BB%93ng%20c%C3%A2y%20d%C6%B0%E1%BB%9Bi%20%C4%91%C6%B0%E1%BB%9Dng%20d%C3%A2y'));
    const question = page.locator('textarea[name="question"]');
    await expect.poll(() => question.inputValue()).toBe('Trồng cây dưới đường dây');
    // Submitting incomplete: errors, nothing sent.
    await page.locator('form[data-ask-form] button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-ask-errors]').isVisible()).toBe(true);
    expect(await page.locator('select[name="field"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('form[data-ask-form]').getAttribute('data-sent')).toBeNull();
    await page.selectOption('select[name="field"]', 'dien-luc');
    await question.fill('Trồng cây dưới đường dây 110 kV & cách bao xa?');
    await page.fill('input[name="asked_by"]', 'UBND xã Hạnh Lâm');
    await page.fill('input[name="contact"]', '0912 000 000');
    expect(await page.locator('[data-preview-to]').textContent()).toBe('socongthuong@nghean.gov.vn');
    expect(await page.locator('[data-preview-body]').textContent()).toContain('Nơi hỏi: UBND xã Hạnh Lâm');
    await page.locator('form[data-ask-form] button[type="submit"]').click();
    const sent = await page.locator('form[data-ask-form]').getAttribute('data-sent');
    expect(sent).toMatch(/^mailto:socongthuong@nghean\.gov\.vn\?subject=/);
    const url = new URL(sent!);
    const body = url.searchParams.get('body')!;
    expect(url.searchParams.get('subject')).toContain('[dien-luc]');
    expect(body).toContain('Lĩnh vực: Điện lực [dien-luc]');
    expect(body).toContain('Trồng cây dưới đường dây 110 kV & cách bao xa?');
    expect(body).toContain('Nơi hỏi: UBND xã Hạnh Lâm');
    // URL-encoded: no raw spaces, ampersands or Vietnamese letters in the address itself.
    expect(sent).not.toMatch(/[ À-ỹ]/);
    expect(sent).toContain(encodeURIComponent('Trồng cây'));
    expect(sent).toContain('%26%20c%C3%A1ch');
    expect(await page.locator('[data-ask-send]').getAttribute('href')).toBe(sent);
    // The search page may carry the field too.
    await page.goto(served.url('hoi/?q=abc&field=dat-dai'));
    await expect.poll(() => page.locator('select[name="field"]').inputValue()).toBe('dat-dai');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('with HOIDAP_QUESTION_URL posts to the portal, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      posted.length = 0;
      const ctx = await browser.newContext({ javaScriptEnabled });
      const page = await ctx.newPage();
      const violations = await watchCspViolations(page);
      await page.goto(servedPortal.url('hoi/'));
      expect(await page.locator('form[data-ask-form]').getAttribute('action')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tiep-nhan$/);
      await page.selectOption('select[name="field"]', 'dat-dai');
      await page.fill('textarea[name="question"]', 'Hồ sơ đăng ký đất lần đầu nộp ở đâu?');
      await page.fill('input[name="asked_by"]', 'UBND xã Nam Đàn');
      await Promise.all([page.waitForURL(/tiep-nhan/), page.locator('form[data-ask-form] button[type="submit"]').click()]);
      expect(posted).toHaveLength(1);
      const form = new URLSearchParams(posted[0].body);
      expect(Object.fromEntries(form)).toEqual({ field: 'dat-dai', question: 'Hồ sơ đăng ký đất lần đầu nộp ở đâu?', asked_by: 'UBND xã Nam Đàn', contact: '' });
      expect(posted[0].type).toBe('application/x-www-form-urlencoded');
      expect(violations, `js ${javaScriptEnabled}`).toEqual([]);
      await ctx.close();
    }
  });
});

describe('figures and lists on the fixture root (known answers)', () => {
  it('/thong-ke/ shows received, answered, on time and median per unit', () => {
    const html = read('thong-ke/index.html');
    const row = (unit: string, days: number) => {
      const section = html.slice(html.indexOf(`data-stats-unit="${unit}"`));
      return new RegExp(`data-window="${days}" data-received="(\\d+)" data-answered="(\\d+)" data-on-time="(\\d+)" data-median="([\\d.]*)"`).exec(section)!.slice(1);
    };
    expect(row('so-cong-thuong-nghe-an', 30)).toEqual(['6', '3', '1', '17']);
    expect(row('so-cong-thuong-nghe-an', 90)).toEqual(['6', '3', '1', '17']);
    expect(row('bo-cong-thuong', 90)).toEqual(['2', '1', '1', '23']);
    expect(html).toMatch(/data-stats-unit="so-cong-thuong-nghe-an"[\s\S]*?data-now-open="2" data-now-overdue="1"/);
    expect(html).toMatch(/<svg class="q-chart"[^>]*role="img"/);
  });

  it('/cau-hoi-dang-cho/ lists waiting questions by unit, overdue first, and links answers', () => {
    const html = read('cau-hoi-dang-cho/index.html');
    const order = [...html.matchAll(/<tr data-question="([^"]+)" data-status="(\w+)" data-overdue="(\w+)"/g)].map((m) => [m[1], m[2], m[3]]);
    expect(order).toEqual([
      ['q-dien-qua-han', 'open', 'true'],
      ['q-dien-xin-y-kien', 'consulting', 'false'],
      ['q-dien-hom-nay', 'open', 'false'],
    ]);
    expect(html).not.toContain('q-dat-tu-choi"'); // declined: not waiting
    expect(html).toContain('href="/cau-hoi/hanh-lang-an-toan-luoi-dien/"');
  });

  it('entry and unit pages show the question blocks', () => {
    const entry = read('cau-hoi/hanh-lang-an-toan-luoi-dien/index.html');
    expect([...entry.matchAll(/<li data-question="([^"]+)" data-on-time="(\w+)"/g)].map((m) => `${m[1]}:${m[2]}`).sort()).toEqual(
      ['q-dien-an-toan-sang:true', 'q-dien-cuoi-tuan:false', 'q-dien-muon:false'],
    );
    expect(entry).toContain('UBND xã Hạnh Lâm, Nghệ An hỏi lúc 25/05/2026 09:00.');
    expect(entry).toContain('Trả lời sau 6 giờ (đúng hạn).');
    const unit = read('don-vi/so-cong-thuong-nghe-an/index.html');
    expect(unit).toContain('data-on-time-percent="33"');
    expect(unit).toMatch(/data-question="q-dien-qua-han" data-overdue="true"/);
  });

  it('/data/questions.json has the promised fields and per-unit figures, with a JSON Schema', () => {
    const data = JSON.parse(read('data/questions.json'));
    expect(data.version).toBe(1);
    expect(data.questions).toHaveLength(8);
    const q = data.questions.find((x: { id: string }) => x.id === 'q-dat-dung-17h');
    expect(q).toEqual({
      id: 'q-dat-dung-17h',
      field: 'dat-dai',
      assignedTo: 'bo-cong-thuong',
      askedBy: 'UBND xã Hạnh Lâm, Nghệ An',
      asked: '2026-05-28T10:00:00Z',
      deadline: '2026-05-29T17:00:00+07:00',
      status: 'answered',
      answeredAt: '2026-05-29T09:00:00Z',
      onTime: true,
      overdue: false,
      entry: 'dang-ky-dat-dai-lan-dau',
      entryUrl: 'http://localhost:4321/cau-hoi/dang-ky-dat-dai-lan-dau/',
    });
    expect(data.questions.find((x: { id: string }) => x.id === 'q-dien-qua-han')).toMatchObject({ onTime: null, overdue: true, entry: null, entryUrl: null });
    expect(data.units).toEqual({
      'bo-cong-thuong': { received: 2, answered: 1, answeredOnTime: 1, openOverdue: 0, medianAnswerHours: 23 },
      'so-cong-thuong-nghe-an': { received: 6, answered: 3, answeredOnTime: 1, openOverdue: 1, medianAnswerHours: 17 },
    });
    const schema = JSON.parse(read('data/questions.schema.json'));
    expect(Object.keys(schema.properties.questions.items.properties).sort()).toEqual(Object.keys(q).sort());
  });

  it('the Atom feed of answered questions is valid XML', () => {
    const xml = read('feeds/questions.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser().parse(xml).feed;
    const entries = [feed.entry].flat();
    expect(entries).toHaveLength(4);
    // Newest answer first: 29/5 16:00 (+07:00), then 26/5, 25/5 15:00, 25/5 11:00.
    expect(entries.map((e: { title: string }) => e.title.slice(0, 20))).toEqual(['Đăng ký đất đai lần ', 'Trồng cây dưới đường', 'Xã có được tự tháo d', 'Ai lập biên bản khi ']);
  });

  it('publishes no contact anywhere', () => {
    const contact = 'can.bo@example.vn';
    expect(fs.readFileSync(path.join(ROOT, 'questions/2026/q-dien-an-toan-sang.yaml'), 'utf8')).toContain(contact);
    const files = fs.readdirSync(OUT, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && !/\.(br|gz|woff2?|png|wasm|pf_\w+)$/.test(d.name));
    for (const f of files) expect(fs.readFileSync(path.join(f.parentPath, f.name), 'utf8'), f.name).not.toContain(contact);
    expect(read('data/questions.json')).not.toMatch(/"contact"/);
  });
});

describe('accessibility', () => {
  for (const page of ['hoi/', 'cau-hoi-dang-cho/', 'thong-ke/']) {
    it(`axe finds no WCAG 2.1 A/AA violation on /${page} at 360 and 1280 px`, async () => {
      expect(htmlFiles(OUT)).toContain(`${page}index.html`);
      for (const width of [360, 1280]) {
        const tab = await browser.newPage({ viewport: { width, height: 800 } });
        await tab.goto(plain.url(page));
        await tab.addScriptTag({ content: AXE });
        const violations = await tab.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations, `${page} at ${width}: ${violations.join('; ')}`).toEqual([]);
        await tab.close();
      }
    });
  }
});
