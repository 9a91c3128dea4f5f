// Hostile content never reaches a reader as code: XSS payloads in every frontmatter text field of
// tests/fixtures/xss, and hostile Markdown/MDX bodies that the build must reject.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../src/node/browser.ts';
import { buildSite, htmlFiles } from '../../src/node/build-site.ts';
import { serveSite, type Served } from '../../src/node/serve.ts';
import { checkBody, isSafeUrl, MDX_COMPONENTS } from '../../src/content/markdown-safety.ts';
import { FIXTURE_TODAY, makeRoot, readFixture } from '../helpers/fixture-root.ts';
import { readPage } from '../helpers/html.ts';
import { checkHostileBody } from '../helpers/body-check.ts';

const out = inject('sites').xss;
/** Scripts the site itself ships; anything else in a page would be injected. */
const OWN_SCRIPT = /^\/(_astro\/[\w.-]+\.js|sw-register\.js|admin\/sveltia-cms\.js)$/;

describe('payloads in frontmatter are escaped everywhere they appear', () => {
  let browser: Browser;
  let served: Served;
  beforeAll(async () => {
    browser = await launchBrowser();
    served = await serveSite(out);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const pages = htmlFiles(out)
    .filter((f) => !f.startsWith('admin/'))
    .map((f) => f.replace(/index\.html$/, ''));

  it('builds pages that show the payloads as text', () => {
    expect(pages).toContain('cau-hoi/cau-hoi-doc-hai/');
    // The field's answers over several pages (HOIDAP_FIELD_PAGE_SIZE=1 in tests/global-setup.ts).
    expect(pages).toContain('linh-vuc/dien-luc/trang-2/');
  });

  for (const page of pages) {
    it(`${page || '/'}: no injected script, handler or javascript: URL; no dialog; nothing requested off the origin`, async () => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const dialogs: string[] = [];
      const offOrigin: string[] = [];
      tab.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (!url.startsWith(served.origin)) {
          offOrigin.push(url);
          return route.abort();
        }
        return route.continue();
      });
      await tab.goto(served.url(page));
      await tab.waitForLoadState('networkidle');
      const found = await tab.evaluate(() => {
        const bad: string[] = [];
        for (const s of document.querySelectorAll('script')) {
          if (!s.src || s.textContent?.trim()) bad.push(`inline script: ${s.outerHTML.slice(0, 80)}`);
          else bad.push(`src:${new URL(s.src).pathname}`);
        }
        for (const el of document.querySelectorAll('*')) {
          for (const attr of el.attributes) {
            if (/^on/i.test(attr.name)) bad.push(`handler ${attr.name} on <${el.tagName}>`);
            if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.name) && /^\s*(javascript|data|vbscript):/i.test(attr.value)) {
              bad.push(`${attr.name}=${attr.value.slice(0, 40)}`);
            }
          }
          if (['IFRAME', 'OBJECT', 'EMBED', 'STYLE'].includes(el.tagName) && !el.closest('head')) bad.push(`<${el.tagName}>`);
        }
        return bad;
      });
      const problems = found.filter((f) => !(f.startsWith('src:') && /^src:\/(_astro\/[\w.-]+\.js|sw-register\.js)$/.test(f)));
      expect(problems).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(offOrigin).toEqual([]);
      await context.close();
    });
  }

  it('shows the question text literally', async () => {
    const tab = await browser.newPage();
    await tab.goto(served.url('cau-hoi/cau-hoi-doc-hai/'));
    expect(await tab.textContent('h1')).toBe(`Câu hỏi <script>alert('q')</script> có ]]> và "ngoặc" & <img src=x onerror=alert('q2')>?`);
    expect(await tab.title()).toContain(`<script>alert('q')</script>`);
    await tab.close();
  });

  it('shows change notes and a withdrawal reason literally', async () => {
    const tab = await browser.newPage();
    await tab.goto(served.url('cau-hoi/cau-hoi-doc-hai/'));
    expect(await tab.locator('[data-history="change"]').textContent()).toContain(`Ghi chú ]]> <script>alert('change')</script> & <img src=x onerror=alert('note')>`);
    await tab.goto(served.url('cau-hoi/cau-hoi-da-rut/'));
    expect(await tab.locator('.notice-withdrawn').textContent()).toContain(`Lý do ]]> <script>alert('reason')</script> <img src=x onerror=alert('why')> & "ngoặc"`);
    expect(await tab.locator('.notice-withdrawn script, .notice-withdrawn img').count()).toBe(0);
    await tab.close();
  });

  it('search results render payloads as text', async () => {
    const tab = await browser.newPage();
    const dialogs: string[] = [];
    tab.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await tab.goto(served.url('tim-kiem/?q=c%C3%A2u%20h%E1%BB%8Fi'));
    await tab.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
    const link = tab.locator('[data-entry-id="cau-hoi-doc-hai"]');
    expect(await link.textContent()).toContain(`<script>alert('q')</script>`);
    expect(await tab.locator('[data-search-results] script, [data-search-results] img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await tab.close();
  });

  it('feeds are well-formed and carry payloads as escaped text', () => {
    for (const feed of ['feeds/all.xml', 'feeds/dien-luc.xml']) {
      const xml = readPage(out, feed);
      expect(XMLValidator.validate(xml)).toBe(true);
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
      const titles = [parsed.entry].flat().map((e: { title: { '#text': string } | string }) => (typeof e.title === 'string' ? e.title : e.title['#text']));
      // Titles are declared as HTML in Atom: a reader must see the markup as text, so it arrives escaped.
      expect(titles.join(' ')).toContain('&lt;script&gt;');
      expect(titles.join(' ')).not.toMatch(/<script/);
      // Change notes and withdrawal reasons travel in summaries, declared as HTML too.
      const summaries = [parsed.entry].flat().map((e: { summary: { '#text': string } | string }) => (typeof e.summary === 'string' ? e.summary : e.summary['#text'])).join(' ');
      // HTML-escaped once inside the XML: the apostrophe arrives as &#39;, a reader shows it as text.
      expect(summaries).toMatch(/alert\((?:'|&#39;)change/);
      expect(summaries).toMatch(/alert\((?:'|&#39;)reason/);
      expect(summaries).not.toMatch(/<script|<img/);
    }
  });

  it('the questions feed and export are well-formed and carry question payloads as text', () => {
    const xml = readPage(out, 'feeds/questions.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    const titles = [parsed.entry].flat().map((e: { title: { '#text': string } | string }) => (typeof e.title === 'string' ? e.title : e.title['#text']));
    expect(titles.join(' ')).toContain('&lt;svg');
    expect(titles.join(' ')).not.toMatch(/<svg/);
    const data = JSON.parse(readPage(out, 'data/questions.json'));
    expect(data.questions.find((q: { id: string }) => q.id === 'hoi-doc-hai').askedBy).toBe(`UBND xã <img src=x onerror=alert('ha')> </td><script>alert('ha2')</script>`);
  });

  it('the JSON export keeps the exact text (JSON needs no HTML escaping)', () => {
    const data = JSON.parse(readPage(out, 'data/entries.json'));
    const entry = data.entries.find((e: { id: string }) => e.id === 'cau-hoi-doc-hai');
    expect(entry.question).toBe(`Câu hỏi <script>alert('q')</script> có ]]> và "ngoặc" & <img src=x onerror=alert('q2')>?`);
  });
});

describe('hostile bodies are rejected with the file and line', () => {
  const entry = readFixture('entries/a/hanh-lang.md');
  const cases: [string, string, RegExp, string][] = [
    ['raw script', 'Xin chào\n\n<script>alert(1)</script>\n', /raw HTML/, '<script>'],
    ['event handler', 'Ảnh: <img src=x onerror=alert(1)>\n', /raw HTML/, '<img'],
    ['iframe', '<iframe src="https://evil.example"></iframe>\n', /raw HTML/, '<iframe'],
    ['style attribute', '<p style="display:none">x</p>\n', /raw HTML/, '<p style'],
    ['form', '<form action="https://evil.example"><input name=a></form>\n', /raw HTML/, '<form'],
    ['javascript link', '[bấm](javascript:alert(1))\n', /unsafe link/, '[bấm]'],
    ['encoded javascript link', '[bấm](&#106;avascript:alert(1))\n', /unsafe link/, '&#106;'],
    ['javascript autolink', '<javascript:alert(1)>\n', /unsafe link/, '<javascript:'],
    ['data image', '![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)\n', /unsafe image/, '![x]'],
    ['reference definition', '[x][r]\n\n[r]: vbscript:msgbox(1)\n', /unsafe definition/, '[r]: vbscript'],
  ];
  for (const [name, body, message, onLine] of cases) {
    it(name, () => {
      const { issue, file, lineText } = checkHostileBody(entry, body, '\n');
      expect(issue?.message).toMatch(message);
      expect(issue?.file).toBe(file);
      expect(lineText).toContain(onLine);
    });
  }
  it('comments, code spans and fenced code are fine', () => {
    expect(checkBody('x.md', '<!-- ghi chú -->\n\n`<script>`\n\n```html\n<script>alert(1)</script>\n```\n\n1 < 2 và [a](https://x.vn) [b](/cau-hoi/x/) [c](mailto:a@b.vn)\n', 1, false)).toEqual([]);
  });
  it('MDX: no import/export, expressions or foreign components', () => {
    const issues = checkBody('x.mdx', 'import X from "y"\n\nexport const a = 1\n\n{process.exit(1)}\n\n<Note title="Lưu ý">An toàn</Note>\n\n<Note title={"x"}>y</Note>\n\n<script>alert(1)</script>\n\n<Foo />\n', 1, true);
    expect(issues.map((i) => i.line)).toEqual([1, 3, 5, 9, 11, 13]);
  });
  it('the MDX allow-list matches the components the site provides', () => {
    // src/components/mdx/index.ts imports .astro files, which only Astro can load: read its export list.
    const source = fs.readFileSync(path.join(import.meta.dirname, '../../src/components/mdx/index.ts'), 'utf8');
    const provided = /mdxComponents = \{([^}]*)\}/.exec(source)![1].split(',').map((s) => s.trim()).filter(Boolean);
    expect(provided.sort()).toEqual(Object.keys(MDX_COMPONENTS).sort());
  });
  it('URL policy', () => {
    for (const u of ['https://vanban.chinhphu.vn/x', '/cau-hoi/a/', '#dieu-1', 'mailto:a@b.vn', 'tel:0238']) expect(isSafeUrl(u), u).toBe(true);
    for (const u of ['javascript:alert(1)', 'JAVASCRIPT:x', 'java\nscript:x', ' data:text/html,x', 'vbscript:x', 'file:///etc/passwd']) expect(isSafeUrl(u), u).toBe(false);
  });
  it('the build itself fails on a hostile body, naming the file and line', () => {
    const root = makeRoot({ 'entries/a/hanh-lang.md': `${entry.trimEnd()}\n\n<img src=x onerror=alert(1)>\n` });
    const result = buildSite({ root, outDir: path.join(os.tmpdir(), `hoidap-xss-${process.pid}`), env: { HOIDAP_BUILD_DATE: FIXTURE_TODAY } });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/entries\/a\/hanh-lang\.md:\d+: key "body": raw HTML/);
  });
});
