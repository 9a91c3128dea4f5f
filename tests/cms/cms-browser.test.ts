// The CMS at /admin/ in a real browser (Debian's Chromium) against the built minimal fixture site,
// with every request outside the site blocked: Sveltia CMS accepts the generated configuration, speaks
// Vietnamese, and, working on a local copy of the content root, writes files that pass the contract.
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import YAML from 'yaml';
import { launchBrowser } from '../../src/node/browser.ts';
import { serveSite, type Served } from '../../src/node/serve.ts';
import { loadContent } from '../../src/content/load-content.ts';
import { readContentRoot } from '../../src/content/read-root.ts';
import { errorsOf, formatIssues } from '../../src/content/issues.ts';
import { buildDate } from '../../src/content/dates.ts';
import { headersFor, parseHeadersFile } from '../../src/publish/security-headers.ts';
import { MINIMAL_ROOT, makeRoot } from '../helpers/fixture-root.ts';
import { fakeLocalRepository, listRepo, readRepoFile } from './local-repo.ts';

const sites = inject('sites');
let browser: Browser;
let served: Served;
/** Requests the pages tried to send outside the site (all blocked). */
let outside: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  // With the site's own response headers (its Content-Security-Policy for /admin/), when it has them.
  const headersFile = path.join(sites.minimal, '_headers');
  const rules = fs.existsSync(headersFile) ? parseHeadersFile(fs.readFileSync(headersFile, 'utf8')) : [];
  served = await serveSite(sites.minimal, '/', 0, (pathname) => headersFor(rules, pathname));
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function newContext(): Promise<BrowserContext> {
  // A tall window: Sveltia renders form fields as they scroll into view.
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 5000 } });
  await context.route(
    (url) => url.origin !== served.origin,
    (route) => {
      outside.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return context;
}

/** Path of the content root inside the repository, as the served configuration says. */
function contentPath(): string {
  const config = YAML.parse(fs.readFileSync(path.join(sites.minimal, 'admin/config.yml'), 'utf8')) as { collections: { name: string; folder?: string }[] };
  const folder = config.collections.find((c) => c.name === 'entries')!.folder!;
  return folder.replace(/\/?entries$/, '');
}

const LOCAL = 'Làm việc với kho mã nguồn cục bộ';
/** Waits until the CMS has written `rel` with `text` in it. */
async function written(page: Page, rel: string, text: string): Promise<string> {
  let content = '';
  await expect
    .poll(async () => (content = await readRepoFile(page, rel).catch(() => '')), { timeout: 15_000, message: `${rel} written with "${text}"` })
    .toContain(text);
  return content;
}

/** Types into a text input until the value sticks (a new entry's form may re-render as it opens). */
async function fill(input: Locator, value: string): Promise<void> {
  await expect
    .poll(
      async () => {
        if ((await input.inputValue()) !== value) await input.fill(value);
        return input.inputValue();
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBe(value);
}

describe('Sveltia CMS at /admin/', () => {
  it('accepts the configuration and shows its sign-in page in Vietnamese, with its fonts and strings from the site', async () => {
    outside = [];
    const context = await newContext();
    const page = await context.newPage();
    const fromSite: string[] = [];
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    page.on('response', (r) => {
      if (r.url().startsWith(served.origin) && r.ok()) fromSite.push(new URL(r.url()).pathname);
    });
    try {
      await page.goto(served.url('admin/'));
      await page.getByRole('button', { name: LOCAL }).waitFor();
      await page.getByRole('button', { name: /^Đăng nhập bằng \W*GitHub\W*$/ }).waitFor();
      await expect(page.title()).resolves.toBe('Quản trị nội dung | Hỏi đáp hai cấp');
      expect(await page.locator('body').innerText()).not.toMatch(/cấu hình CMS|configuration/i);
      await page.evaluate(() => document.fonts.ready);
      const icons = await page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('Material Symbols')).map((f) => f.status));
      expect(icons).toContain('loaded');
      expect(fromSite).toEqual(expect.arrayContaining(['/admin/config.yml', '/admin/sveltia-cms.js', '/admin/locales/vi.json', '/admin/fonts/material-symbols-outlined-latin-wght-normal.woff2']));
      // Nothing leaves the site before sign-in: no CDN, no update check (unpkg.com), no git host status
      // page (githubstatus.com), which the app polls soon after it starts: give it time to try.
      await page.waitForTimeout(3000);
      expect(outside).toEqual([]);
      // And the policy had nothing to refuse.
      expect(refused).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('edits a local copy of the content root and writes exactly the contract', { timeout: 180_000 }, async () => {
    outside = [];
    const prefix = contentPath();
    const repoPath = (rel: string) => (prefix ? `${prefix}/${rel}` : rel);
    const files: Record<string, string> = { '.git/HEAD': 'ref: refs/heads/main\n' };
    for (const rel of fs.readdirSync(MINIMAL_ROOT, { recursive: true }) as string[]) {
      const file = path.join(MINIMAL_ROOT, rel);
      if (fs.statSync(file).isFile()) files[repoPath(rel.split(path.sep).join('/'))] = fs.readFileSync(file, 'utf8');
    }
    const { model } = loadContent(MINIMAL_ROOT);
    // The CMS shows the Markdown entries of entries/<folder>/ (the layout it writes).
    const listed = model.entries.filter((e) => e.file.endsWith('.md') && path.relative(path.join(MINIMAL_ROOT, 'entries'), e.file).split(path.sep).length === 2);
    const edited = listed[0]!;
    const editedRel = path.relative(MINIMAL_ROOT, edited.file).split(path.sep).join('/');
    const field = [...model.fields.keys()][0]!;
    const unit = [...model.units].find(([, u]) => u.data.level === 'commune')!;

    const context = await newContext();
    await fakeLocalRepository(context, files);
    const page = await context.newPage();
    try {
      await page.goto(served.url('admin/'));
      await page.getByRole('button', { name: LOCAL }).click();
      await page.getByText(`có ${listed.length} bài viết`).waitFor();
      for (const e of listed) await page.getByRole('row', { name: e.data.question }).waitFor();

      // Edit an existing entry.
      await page.getByRole('row', { name: edited.data.question }).click();
      await page.getByRole('textbox', { name: 'Chủ đề' }).fill('Chủ đề sửa bằng CMS');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await written(page, repoPath(editedRel), 'topic: Chủ đề sửa bằng CMS');
      // Saved entries go back to the list.
      await page.getByText(`có ${listed.length} bài viết`).waitFor();

      // Create an entry.
      await page.getByRole('button', { name: 'Tạo bài viết mới' }).click();
      await page.getByRole('textbox', { name: 'Mã câu hỏi' }).waitFor();
      await page.getByRole('combobox', { name: 'Lĩnh vực' }).click();
      await page.getByRole('option', { name: `${model.fields.get(field)!.data.name} (${field})` }).click();
      await page.getByRole('combobox', { name: 'Đơn vị chủ trì' }).click();
      await page.getByRole('option', { name: new RegExp(`\\(${unit[0]}\\)$`) }).click();
      await page.getByRole('checkbox', { name: 'Cấp xã', exact: true }).check();
      await page.getByRole('group', { name: /Trả lời chi tiết/ }).locator('[contenteditable=true]').click();
      await page.keyboard.type('Nội dung chi tiết tạo bằng CMS.');
      await fill(page.getByRole('textbox', { name: 'Mã câu hỏi' }), 'tao-bang-cms');
      await fill(page.getByRole('textbox', { name: 'Câu hỏi', exact: true }), 'Câu hỏi tạo bằng CMS?');
      await fill(page.getByRole('textbox', { name: 'Trả lời ngắn' }), 'Trả lời ngắn tạo bằng CMS.');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await written(page, repoPath(`entries/${field}/tao-bang-cms.md`), 'id: tao-bang-cms');
      await page.getByText(`có ${listed.length + 1} bài viết`).waitFor();

      // Create a unit: its id is the file name, prefilled from the name.
      await page.getByRole('treeitem', { name: /Đơn vị chủ trì/ }).click();
      await page.getByText(`có ${model.units.size} bài viết`).waitFor();
      await page.getByRole('button', { name: 'Tạo bài viết mới' }).click();
      await fill(page.getByRole('textbox', { name: 'Tên đơn vị' }), 'Sở Công Thương Hà Tĩnh');
      const province = page.getByRole('radio', { name: 'Cấp tỉnh' });
      await province.click();
      await expect(province.getAttribute('aria-checked')).resolves.toBe('true');
      await page.getByRole('button', { name: 'Lưu' }).click();
      expect(await written(page, repoPath('units/so-cong-thuong-ha-tinh.yaml'), 'name:')).toBe('name: Sở Công Thương Hà Tĩnh\nlevel: province\n');

      // Nothing else was written.
      const added = (await listRepo(page)).filter((f) => !(f in files));
      expect(added.sort()).toEqual([repoPath(`entries/${field}/tao-bang-cms.md`), repoPath('units/so-cong-thuong-ha-tinh.yaml')].sort());

      // The written files, put back in a copy of the root, pass every rule of the contract.
      const changes: Record<string, string> = {};
      for (const rel of [editedRel, `entries/${field}/tao-bang-cms.md`, 'units/so-cong-thuong-ha-tinh.yaml']) changes[rel] = await readRepoFile(page, repoPath(rel));
      const root = makeRoot(changes);
      const { model: after, issues } = readContentRoot(root, buildDate());
      expect(formatIssues(errorsOf(issues))).toBe('');

      const before = { ...edited.data, topic: 'Chủ đề sửa bằng CMS' };
      expect(after.entries.find((e) => e.id === edited.id)!.data).toEqual(before);
      expect(after.entries.find((e) => e.id === edited.id)!.body.trim()).toBe(edited.body.trim());
      const today = buildDate();
      expect(after.entries.find((e) => e.id === 'tao-bang-cms')).toMatchObject({
        data: {
          id: 'tao-bang-cms',
          question: 'Câu hỏi tạo bằng CMS?',
          summary: 'Trả lời ngắn tạo bằng CMS.',
          field,
          owner: unit[0],
          levels: ['commune'],
          answered: today,
          reviewed: today,
          status: 'published',
        },
        body: expect.stringContaining('Nội dung chi tiết tạo bằng CMS.'),
      });
      expect(after.units.get('so-cong-thuong-ha-tinh')?.data).toEqual({ name: 'Sở Công Thương Hà Tĩnh', level: 'province' });
      // Signed in and editing: still no request to any other host (status page, update check).
      expect(outside).toEqual([]);
      fs.rmSync(root, { recursive: true, force: true });
    } finally {
      await context.close();
    }
  });
});
