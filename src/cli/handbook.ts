// `npm run handbook -- <field-id>|all [--level commune|province|ministry] [--since YYYY-MM-DD] [--out file.pdf] [--dist dir]`
//
// Prints the handbook of a field (or of every field) to an A4 PDF: builds the site (unless --dist names
// a built one), serves it, opens /so-tay/<field>/ in Debian's Chromium, applies --level and --since in
// the page (removing entries, adding the change page), then prints twice: the first pass tells on which
// page each question starts (the PDF's named destinations, read with `pdfinfo -dests`), the second
// prints those numbers in the table of contents. Page-number slots have a fixed width, so writing the
// numbers cannot move anything; the tool checks that and prints again if it ever did.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../node/browser.ts';
import { buildSite, PROJECT } from '../node/build-site.ts';
import { serveSite, type Served } from '../node/serve.ts';
import { t } from '../i18n/index.ts';
import { displayPath } from '../lib/content-root.ts';
import { handbookVi as hb } from '../i18n/handbook-vi.ts';
import { buildDate, formatDateVi } from '../lib/dates.ts';
import {
  HANDBOOK_USAGE,
  changeList,
  notesSince,
  entryAnchor,
  handbookPath,
  initialPageDigits,
  pageDigits,
  pagesOf,
  parseDests,
  parseHandbookOptions,
  selectEntries,
  tocMatches,
  type FilterItem,
  type SupersededItem,
} from '../lib/handbook.ts';

const MARGIN = { top: '18mm', right: '15mm', bottom: '16mm', left: '15mm' };
const MAX_PASSES = 4;

const started = performance.now();
const step = (msg: string) => console.log(`[handbook ${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}`);

/** A problem the user can fix: printed without a stack trace. */
class HandbookError extends Error {
  code: number;
  constructor(message: string, code = 1) {
    super(message);
    this.code = code;
  }
}
const fail = (msg: string, code = 1): never => {
  throw new HandbookError(msg, code);
};

async function main(): Promise<void> {
  // ---------------------------------------------------------------------------------------------------
  // Command line

  let args: { values: { level?: string; since?: string; out?: string; dist?: string }; positionals: string[] };
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { level: { type: 'string' }, since: { type: 'string' }, out: { type: 'string' }, dist: { type: 'string' } },
    });
  } catch (err) {
    return fail(`${(err as Error).message}\n${HANDBOOK_USAGE}`, 2);
  }
  const { values, positionals } = args;
  const today = buildDate();
  const parsed = parseHandbookOptions(positionals, values, today);
  if (!parsed.ok) return fail(`${parsed.error}\n${HANDBOOK_USAGE}`, 2);
  const opts = parsed.options;
  // npm runs scripts in the project folder; INIT_CWD is where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const outFile = path.resolve(cwd, opts.out);

  const poppler = spawnSync('pdfinfo', ['-v'], { encoding: 'utf8' });
  if (poppler.error) fail('pdfinfo is needed to number the table of contents. Install Debian\'s package: apt-get install -y poppler-utils');

  // ---------------------------------------------------------------------------------------------------
  // Build and serve

  let dist: string;
  if (opts.dist) {
    dist = path.resolve(cwd, opts.dist);
    if (!fs.existsSync(path.join(dist, 'index.html'))) fail(`--dist ${dist} is not a built site (no index.html)`);
    step(`using the built site in ${dist}`);
  } else {
    dist = path.join(PROJECT, '.cache/handbook/site');
    step(`building the site for ${process.env.HOIDAP_CONTENT ?? 'content'} into ${path.relative(PROJECT, dist)} …`);
    const built = buildSite({ outDir: dist });
    if (built.status !== 0) fail(`the build failed:\n${built.output}`);
  }

  const rel = handbookPath(opts.field);
  const pageFile = path.join(dist, rel, 'index.html');
  if (!fs.existsSync(pageFile)) {
    const dir = path.join(dist, 'so-tay');
    const fields = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isDirectory()) : [];
    fail(
      fields.length
        ? `no handbook for field "${opts.field}". Fields: ${fields.join(', ')} (or "all")`
        : `${dist} has no handbook pages (so-tay/): build it with this version of the project`,
    );
  }
  const html = fs.readFileSync(pageFile, 'utf8');
  const tooLarge = /data-hb-too-large="(\d+)"/.exec(html);
  if (tooLarge) {
    fail(
      `the whole handbook would hold ${tooLarge[1]} entries, more than HOIDAP_HANDBOOK_MAX allows, so the site does not build it as one page. ` +
        'Print the handbooks of the fields (npm run handbook -- <field-id>), or rebuild with a higher HOIDAP_HANDBOOK_MAX.',
    );
  }
  // The site's base path is written on the handbook page, so a site built with SITE_BASE serves as built.
  const base = /data-hb-base="([^"]*)"/.exec(html)?.[1] ?? '/';

  step(`serving ${displayPath(dist, cwd)}`);
  const served: Served = await serveSite(dist, base);
  let browser: Browser | undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-handbook-'));
  try {
    try {
      browser = await launchBrowser();
    } catch (err) {
      return fail((err as Error).message);
    }
    const page = await browser.newPage();
    // A large handbook takes minutes to load and print; progress lines show it is working.
    page.setDefaultTimeout(0);
    step(`opening ${served.url(rel)}`);
    const response = await page.goto(served.url(rel), { waitUntil: 'load', timeout: 0 });
    if (!response?.ok()) fail(`${served.url(rel)} answered ${response?.status()}`);
    await page.emulateMedia({ media: 'print' });
    const fontCss = marginFontCss();
    await page.addStyleTag({ content: fontCss });
    await page.evaluate(loadAllFonts, MARGIN_FONT);

    // -------------------------------------------------------------------------------------------------
    // Filters (--level, --since) and the change page

    const info = await page.evaluate(readHandbook);
    const filtered = opts.level !== undefined || opts.since !== undefined;
    const kept = selectEntries(info.published, { level: opts.level, since: opts.since });
    const inDoc = new Set(kept.map((e) => e.id));
    let changes: ChangesView | null = null;
    if (opts.since) {
      const since = opts.since;
      const list = changeList(info.published, info.superseded, { level: opts.level, since });
      const view = (e: PageEntry, note: string): ChangeItemView => ({ text: e.question, note, target: entryAnchor(e.id) });
      changes = {
        title: hb.changes.title(formatDateVi(since)),
        none: hb.changes.none,
        replacedBy: hb.changes.replacedBy,
        groups: [
          { heading: hb.changes.added, items: list.added.map((e) => view(e, hb.changes.answeredOn(formatDateVi(e.answered)))) },
          {
            heading: hb.changes.changed,
            // The change notes after the date say what changed; without one, the entry was only reviewed.
            items: list.changed.map((e) => {
              const notes = notesSince(e, since);
              return view(e, notes.length ? notes.map((n) => hb.changes.changedOn(formatDateVi(n.date), n.note)).join('; ') : hb.changes.reviewedOn(formatDateVi(e.reviewed)));
            }),
          },
          {
            heading: hb.changes.superseded,
            items: list.superseded.map((s) => ({
              text: s.question,
              note: '',
              replacedBy: {
                text: s.successorQuestion ?? s.successor,
                target: inDoc.has(s.successor) ? entryAnchor(s.successor) : undefined,
                href: inDoc.has(s.successor) ? undefined : s.successorUrl,
              },
            })),
          },
        ],
      };
      step(`since ${since}: ${list.added.length} added, ${list.changed.length} reviewed, ${list.superseded.length} superseded`);
    }
    const levelLabel = opts.level ? `${hb.level}: ${t.levels[opts.level]}` : '';
    const filterParts = [levelLabel, opts.since ? hb.sinceFilter(formatDateVi(opts.since)) : ''].filter(Boolean);
    const headerFilters = [levelLabel, opts.since ? hb.sinceShort(formatDateVi(opts.since)) : ''].filter(Boolean);
    const remaining = await page.evaluate(applyHandbook, {
      keep: filtered ? kept.map((e) => e.id) : null,
      printDate: formatDateVi(today),
      printDateIso: today,
      filterLine: filterParts.length ? filterParts.join(' · ') : null,
      countText: hb.entryCount(kept.length),
      changes,
    } satisfies ApplyPayload);
    step(`${remaining} of ${info.published.length} entries${filtered ? ` after ${[opts.level && `--level ${opts.level}`, opts.since && `--since ${opts.since}`].filter(Boolean).join(' ')}` : ''}`);
    if (remaining === 0) console.warn('handbook: no entry matches; the PDF holds the cover and an empty table of contents');

    // -------------------------------------------------------------------------------------------------
    // Two passes

    const targets = await page.$$eval('[data-toc-page]', (els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.tocPage!))]);
    const templates = headerFooter(fontCss, info.title, info.version, headerFilters, formatDateVi(today));
    const pdfPath = path.join(tmp, 'pass.pdf');
    const print = async () => {
      const pdf = await page.pdf({
        format: 'A4',
        margin: MARGIN,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: templates.header,
        footerTemplate: templates.footer,
        outline: true,
        tagged: true,
      });
      fs.writeFileSync(pdfPath, pdf);
      return { pdf, pages: pdfPages(pdfPath), dests: parseDests(pdfinfo(['-dests', pdfPath])) };
    };

    let digits = initialPageDigits(remaining);
    await page.evaluate(setPageNumbers, { digits, pages: null });
    step('rendering pass 1 (finding the page of each question) …');
    let pass = await print();
    if (pageDigits(pass.pages) > digits) {
      digits = pageDigits(pass.pages);
      await page.evaluate(setPageNumbers, { digits, pages: null });
      step(`rendering pass 1 again with ${digits}-digit page numbers …`);
      pass = await print();
    }
    for (let n = 2; ; n++) {
      const { pages, missing } = pagesOf(targets, pass.dests);
      if (missing.length) fail(`the PDF has no destination for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}`);
      await page.evaluate(setPageNumbers, { digits, pages: Object.fromEntries(pages) });
      step(`rendering pass ${n} (${pass.pages} pages, numbers in the table of contents) …`);
      pass = await print();
      if (tocMatches(pages, pagesOf(targets, pass.dests).pages)) break;
      if (n >= MAX_PASSES) fail(`page numbers did not settle after ${MAX_PASSES} passes`);
      step('the table of contents moved a question; printing again');
    }

    step(`writing ${displayPath(outFile, cwd)}`);
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, pass.pdf);
    step(`done: ${outFile} (${pass.pages} pages, ${remaining} entries, ${Math.round(pass.pdf.length / 1024)} KB)`);
  } finally {
    await browser?.close();
    await served.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// Node helpers

function pdfinfo(args: string[]): string {
  const run = spawnSync('pdfinfo', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) fail(`pdfinfo ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

function pdfPages(file: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(pdfinfo([file]));
  if (!m) fail(`pdfinfo did not report the page count of ${file}`);
  return Number(m![1]);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const MARGIN_FONT = 'Hoidap Margin';

/**
 * The shipped Noto Sans (regular, Vietnamese and Latin subsets) as data URLs, for the page header and
 * footer. Chromium renders those templates apart from the document and uses a web font there only when
 * the document has loaded the very same face, so the tool adds these faces to the page as well.
 */
function marginFontCss(): string {
  const face = (subset: string, range: string) => {
    const file = fileURLToPath(import.meta.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-400-normal.woff2`));
    return `@font-face{font-family:'${MARGIN_FONT}';font-weight:400;src:url(data:font/woff2;base64,${fs.readFileSync(file).toString('base64')}) format('woff2');unicode-range:${range}}`;
  };
  return (
    face('vietnamese', 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB') +
    face('latin', 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2212,U+2215')
  );
}

/** Header: handbook and field, and the filters; footer: print date, content version, page x / n. */
function headerFooter(fontCss: string, title: string, version: string, filters: string[], printDate: string): { header: string; footer: string } {
  const style =
    `<style>${fontCss}.hf{font-family:'${MARGIN_FONT}';font-size:8pt;color:#333;width:100%;margin:0 ${MARGIN.right} 0 ${MARGIN.left};` +
    'display:flex;justify-content:space-between;gap:6mm}</style>';
  const header =
    `${style}<div class="hf" style="border-bottom:0.5pt solid #999;padding-bottom:1mm"><span>${escapeHtml(`${hb.title} · ${title}`)}</span>` +
    `<span>${escapeHtml(filters.join(' · '))}</span></div>`;
  const footer =
    `${style}<div class="hf"><span>${escapeHtml(`${hb.printedShort} ${printDate} · ${hb.contentVersion} ${version}`)}</span>` +
    `<span>${escapeHtml(hb.page)} <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;
  return { header, footer };
}

// ---------------------------------------------------------------------------------------------------
// In the page. These functions are serialised into Chromium: they must not use anything outside them.

interface PageEntry extends FilterItem {
  question: string;
}
interface PageSuperseded extends SupersededItem {
  question: string;
  successorQuestion?: string;
  successorUrl?: string;
}
interface ChangeItemView {
  text: string;
  note: string;
  /** Anchor of an entry printed in this handbook. */
  target?: string;
  replacedBy?: { text: string; target?: string; href?: string };
}
interface ChangesView {
  title: string;
  none: string;
  replacedBy: string;
  groups: { heading: string; items: ChangeItemView[] }[];
}
interface ApplyPayload {
  /** Entry ids to keep; null keeps all. */
  keep: string[] | null;
  printDate: string;
  printDateIso: string;
  filterLine: string | null;
  countText: string;
  changes: ChangesView | null;
}

/** Loads every face of the page's fonts (some would otherwise load only when first used). */
async function loadAllFonts(marginFont: string): Promise<void> {
  await Promise.all([...document.fonts].map((f) => f.load().catch(() => undefined)));
  await document.fonts.load(`10px '${marginFont}'`, 'Sổ tay Điện 0123');
  await document.fonts.ready;
}

function readHandbook(): { title: string; version: string; published: PageEntry[]; superseded: PageSuperseded[] } {
  const root = document.querySelector<HTMLElement>('[data-handbook]');
  if (!root) throw new Error('not a handbook page: no [data-handbook] element');
  const levels = (el: HTMLElement) => (el.dataset.levels ?? '').split(' ').filter(Boolean);
  const published = [...root.querySelectorAll<HTMLElement>('article.hb-entry')].map((el) => ({
    id: el.dataset.entryId!,
    levels: levels(el),
    answered: el.dataset.answered!,
    reviewed: el.dataset.reviewed!,
    changes: JSON.parse(el.dataset.changes ?? '[]') as { date: string; note: string }[],
    question: (el.querySelector('.hb-q')?.textContent ?? '').trim(),
  }));
  const superseded = [...root.querySelectorAll<HTMLElement>('[data-hb-superseded] > li')].map((el) => ({
    id: el.dataset.entryId!,
    levels: levels(el),
    answered: el.dataset.answered!,
    reviewed: el.dataset.reviewed!,
    successor: el.dataset.successor!,
    successorAnswered: el.dataset.successorAnswered,
    successorUrl: el.dataset.successorUrl,
    question: (el.querySelector('[data-q]')?.textContent ?? '').trim(),
    successorQuestion: el.querySelector('[data-sq]')?.textContent?.trim(),
  }));
  return { title: root.dataset.hbTitle ?? '', version: root.dataset.hbVersion ?? '', published, superseded };
}

function applyHandbook(p: ApplyPayload): number {
  const root = document.querySelector<HTMLElement>('[data-handbook]')!;
  const all = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
  for (const el of all('[data-print-date]')) {
    el.textContent = p.printDate;
    el.setAttribute('datetime', p.printDateIso);
  }
  if (p.keep) {
    const keep = new Set(p.keep);
    for (const el of all('article.hb-entry')) if (!keep.has(el.dataset.entryId!)) el.remove();
    for (const el of all('[data-toc-entry]')) if (!keep.has(el.dataset.tocEntry!)) el.remove();
    for (const el of all('[data-hb-topic], [data-hb-field]')) if (!el.querySelector('article.hb-entry')) el.remove();
    for (const el of all('[data-hb-toc-group], [data-hb-toc-field]')) if (!el.querySelector('[data-toc-entry]')) el.remove();
    const owners = new Set(all('article.hb-entry').map((el) => el.dataset.owner));
    for (const el of all('[data-hb-owner]')) if (!owners.has(el.dataset.hbOwner)) el.remove();
  }
  const remaining = all('article.hb-entry').length;
  const count = root.querySelector<HTMLElement>('[data-hb-count]');
  if (count) count.textContent = p.countText;
  const empty = root.querySelector<HTMLElement>('[data-hb-empty]');
  if (empty) empty.hidden = remaining > 0;
  const filter = root.querySelector<HTMLElement>('[data-hb-filter]');
  if (filter && p.filterLine) {
    filter.textContent = p.filterLine;
    filter.hidden = false;
  }

  const box = root.querySelector<HTMLElement>('[data-hb-changes]');
  if (box && p.changes) {
    const make = (tag: string, cls?: string, text?: string) => {
      const el = document.createElement(tag);
      if (cls) el.className = cls;
      if (text !== undefined) el.textContent = text;
      return el;
    };
    const pageSlot = (target: string) => {
      const slot = make('span', 'hb-toc-pg');
      slot.dataset.tocPage = target;
      return slot;
    };
    box.replaceChildren(make('h2', undefined, p.changes.title));
    for (const g of p.changes.groups) {
      box.append(make('h3', undefined, `${g.heading} (${g.items.length})`));
      if (g.items.length === 0) {
        box.append(make('p', undefined, p.changes.none));
        continue;
      }
      const list = make('ol', 'hb-toc-list');
      for (const item of g.items) {
        const li = make('li');
        const label = make('span', 'hb-toc-label', item.text);
        if (item.note) label.append(' ', make('span', 'hb-change-note', `(${item.note})`));
        let row: HTMLElement;
        let target = item.target;
        if (item.target) {
          row = make('a', 'hb-toc-link');
          row.setAttribute('href', `#${item.target}`);
        } else {
          row = make('div', 'hb-toc-link');
        }
        if (item.replacedBy) {
          const to = make('a', undefined, item.replacedBy.text);
          const href = item.replacedBy.target ? `#${item.replacedBy.target}` : item.replacedBy.href;
          if (href) to.setAttribute('href', href);
          label.append(' ', make('span', 'hb-change-note', `— ${p.changes.replacedBy}`), ' ', to);
          target = item.replacedBy.target;
        }
        row.append(label);
        if (target) row.append(pageSlot(target));
        li.append(row);
        list.append(li);
      }
      box.append(list);
    }
    box.hidden = false;
  }

  // Links to other pages of the site point at the public site, not at this temporary server.
  const site = root.dataset.hbSite!;
  const basePath = root.dataset.hbBase ?? '/';
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const raw = a.getAttribute('href')!;
    if (raw.startsWith('#')) continue;
    const url = new URL(raw, location.href);
    if (url.origin !== location.origin) continue;
    const rest = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname.replace(/^\//, '');
    a.setAttribute('href', `${site}${rest}${url.search}${url.hash}`);
    a.classList.add('hb-internal');
  }
  return remaining;
}

function setPageNumbers(arg: { digits: number; pages: Record<string, number> | null }): void {
  const root = document.querySelector<HTMLElement>('[data-handbook]')!;
  root.style.setProperty('--hb-pg-digits', String(arg.digits));
  for (const el of root.querySelectorAll<HTMLElement>('[data-toc-page]')) {
    el.textContent = arg.pages ? String(arg.pages[el.dataset.tocPage!] ?? '') : '0'.repeat(arg.digits);
  }
}

// Last, so that every declaration above is initialised before main() runs.
try {
  await main();
} catch (err) {
  if (!(err instanceof HandbookError)) throw err;
  console.error(`handbook: ${err.message}`);
  process.exitCode = err.code;
}
