// Prints a handbook to an A4 PDF (`npm run handbook`): builds the site (unless a built one is given),
// serves it with the site's security headers, opens /so-tay/<field>/ in a locked-down Chromium
// (sandbox.ts), applies --level and --since and the build's data to the page (page-script.ts,
// build-data.ts), then prints twice: the first pass tells on which page each question starts (the
// PDF's named destinations), the second prints those numbers in the table of contents. Page-number
// slots have a fixed width, so writing the numbers cannot move anything; the printer checks that and
// prints again if it ever did.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite, PROJECT } from '../node/build-site.ts';
import { serveSite, type Served } from '../node/serve.ts';
import { displayPath } from '../content/root.ts';
import { formatDateVi } from '../content/dates.ts';
import {
  handbookPath,
  initialPageDigits,
  pageDigits,
  pagesOf,
  selectEntries,
  tocMatches,
} from './model.ts';
import type { HandbookOptions } from './options.ts';
import { qrSvg } from '../publish/qr.ts';
import { COMMON_HEADERS } from '../publish/security-headers.ts';
import { handbookVi as hb } from '../i18n/handbook-vi.ts';
import { handbookData, pageDataMismatch, readExport } from './build-data.ts';
import { changePage, filterLines } from './changes.ts';
import { fail } from './errors.ts';
import { headerFooter, MARGIN, MARGIN_FONT, MARGIN_FONT_SAMPLE, PRINTER_DIR, PRINTER_CSP, templateFontCss, printerFiles } from './margins.ts';
import { ATTR, ROOT, ROOT_ATTRS, SEL, TOO_LARGE_ATTR } from './page-contract.ts';
import { applyHandbook, inspectPage, loadMarginFont, pageSlotTargets, setPageNumbers } from './page-script.ts';
import { pdfDests, pdfPages, requirePdfinfo } from './pdf-info.ts';
import { openSandbox, type Sandbox } from './sandbox.ts';

const MAX_PASSES = 4;

export interface PrintRequest {
  options: HandbookOptions;
  /** Where relative paths (--out, --dist) are resolved. */
  cwd: string;
  /** YYYY-MM-DD, the print date. */
  today: string;
  log: (msg: string) => void;
  warn: (msg: string) => void;
}

export interface PrintResult {
  outFile: string;
  pages: number;
  entries: number;
  bytes: number;
  /** Requests the page made to other hosts, all blocked. */
  blocked: string[];
}

/** The headers the local server sends: the site's own, for every path (see PRINTER_CSP). */
const SITE_HEADERS = { ...COMMON_HEADERS, 'Content-Security-Policy': PRINTER_CSP };

/** The attributes of the first start tag that has `attr`, read from the built HTML. */
function startTagAttr(html: string, attr: string, name: string): string | undefined {
  const tag = new RegExp(`<[a-z]+\\s[^>]*\\b${attr}(?:[\\s=>])[^>]*>`).exec(html)?.[0];
  if (!tag) return undefined;
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function siteToPrint(req: PrintRequest): string {
  const { options: opts, cwd } = req;
  if (opts.dist) {
    const dist = path.resolve(cwd, opts.dist);
    if (!fs.existsSync(path.join(dist, 'index.html'))) fail(`--dist ${dist} is not a built site (no index.html)`);
    req.log(`using the built site in ${dist}`);
    return dist;
  }
  const dist = path.join(PROJECT, '.cache/handbook/site');
  req.log(`building the site for ${process.env.HOIDAP_CONTENT ?? 'content'} into ${path.relative(PROJECT, dist)} …`);
  // Large banks leave the field handbook pages out of the site (fieldHandbooksBuilt): build them here.
  const built = buildSite({ outDir: dist, env: { HOIDAP_HANDBOOK_PAGES: 'always' } });
  if (built.status !== 0) fail(`the build failed:\n${built.output}`);
  return dist;
}

function handbookPage(dist: string, field: string): string {
  const pageFile = path.join(dist, handbookPath(field), 'index.html');
  if (!fs.existsSync(pageFile)) {
    const dir = path.join(dist, 'so-tay');
    const fields = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isDirectory()) : [];
    fail(
      fields.length
        ? `no handbook for field "${field}". Fields: ${fields.join(', ')} (or "all")`
        : `${dist} has no field handbook pages (so-tay/<field>/): build it with this version of the project, with HOIDAP_HANDBOOK_PAGES=always for a bank above HOIDAP_HANDBOOK_PAGES_MAX entries, or leave out --dist`,
    );
  }
  return fs.readFileSync(pageFile, 'utf8');
}

export async function printHandbook(req: PrintRequest): Promise<PrintResult> {
  const { options: opts, cwd, today, log } = req;
  const outFile = path.resolve(cwd, opts.out);
  requirePdfinfo();
  const dist = siteToPrint(req);
  const html = handbookPage(dist, opts.field);
  const tooLarge = startTagAttr(html, TOO_LARGE_ATTR, TOO_LARGE_ATTR);
  if (tooLarge) {
    fail(
      `the whole handbook would hold ${tooLarge} entries, more than HOIDAP_HANDBOOK_MAX allows, so the site does not build it as one page. ` +
        'Print the handbooks of the fields (npm run handbook -- <field-id>), or rebuild with a higher HOIDAP_HANDBOOK_MAX.',
    );
  }
  // The site's base path is written on the handbook's root, so a site built with SITE_BASE serves as built.
  const base = startTagAttr(html, 'data-handbook', ROOT_ATTRS.base) ?? '/';
  const data = handbookData(readExport(dist), opts.field);

  log(`serving ${displayPath(dist, cwd)}`);
  const served: Served = await serveSite(dist, base, 0, () => SITE_HEADERS);
  let sandbox: Sandbox | undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-handbook-'));
  try {
    sandbox = await openSandbox(served.origin, `${base}${PRINTER_DIR}`, printerFiles());
    const { page, run } = sandbox;
    const url = served.url(handbookPath(opts.field));
    log(`opening ${url}`);
    const response = await page.goto(url, { waitUntil: 'load', timeout: 0 });
    if (!response || !response.ok()) return fail(`${url} answered ${response?.status()}`);
    if (response.headers()['content-security-policy'] !== PRINTER_CSP) fail(`${url} was not served with the site's Content-Security-Policy`);
    await page.emulateMedia({ media: 'print' });
    await run(loadMarginFont, { href: `${base}${PRINTER_DIR}margin.css`, family: MARGIN_FONT, sample: MARGIN_FONT_SAMPLE });

    // The page must hold exactly the published entries of the build's data, where the template puts them.
    const facts = await run(inspectPage, { ROOT, S: SEL, A: ATTR, rootAttrs: Object.values(ROOT_ATTRS) });
    const problems = [...facts.problems, ...pageDataMismatch(facts.entryIds, facts.anyEntries, data)];
    if (problems.length) {
      fail(`the handbook page does not match the build's data (a content file may carry markup):\n  ${problems.slice(0, 10).join('\n  ')}`);
    }

    // Filters (--level, --since) and the change page.
    const inPage = facts.entryIds.map((id) => data.published.get(id)!);
    const filtered = opts.level !== undefined || opts.since !== undefined;
    const kept = selectEntries(inPage, { level: opts.level, since: opts.since });
    const inDoc = new Set(kept.map((e) => e.id));
    let changes = null;
    if (opts.since) {
      const page = changePage(data, { level: opts.level, since: opts.since }, inDoc);
      changes = page.view;
      log(`since ${opts.since}: ${page.counts.added} added, ${page.counts.changed} reviewed, ${page.counts.superseded} superseded`);
    }
    const lines = filterLines({ level: opts.level, since: opts.since });
    const remaining = await run(applyHandbook, {
      ROOT,
      S: SEL,
      A: ATTR,
      keep: filtered ? kept.map((e) => e.id) : null,
      owners: [...new Set(kept.map((e) => e.owner))],
      entries: Object.fromEntries(kept.map((e) => [e.id, { question: e.question, url: e.url, qr: qrSvg(e.url, hb.qrLabel(e.url), 'hb-qr-code') }])),
      printDate: formatDateVi(today),
      printDateIso: today,
      filterLine: lines.cover,
      countText: hb.entryCount(kept.length),
      changes,
    });
    const filters = [opts.level && `--level ${opts.level}`, opts.since && `--since ${opts.since}`].filter(Boolean).join(' ');
    log(`${remaining} of ${inPage.length} entries${filtered ? ` after ${filters}` : ''}`);
    if (remaining === 0) req.warn('handbook: no entry matches; the PDF holds the cover and an empty table of contents');

    // Two passes.
    const targets = await run(pageSlotTargets, { ROOT, S: SEL, A: ATTR });
    const title = facts.root[ROOT_ATTRS.title] ?? '';
    const version = facts.root[ROOT_ATTRS.version] ?? '';
    const templates = headerFooter(templateFontCss(), title, version, lines.header, formatDateVi(today));
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
      return { pdf, pages: pdfPages(pdfPath), dests: pdfDests(pdfPath) };
    };
    const numbers = (digits: number, pages: Record<string, number> | null) => run(setPageNumbers, { ROOT, S: SEL, A: ATTR, digits, pages });

    let digits = initialPageDigits(remaining);
    await numbers(digits, null);
    log('rendering pass 1 (finding the page of each question) …');
    let pass = await print();
    if (pageDigits(pass.pages) > digits) {
      digits = pageDigits(pass.pages);
      await numbers(digits, null);
      log(`rendering pass 1 again with ${digits}-digit page numbers …`);
      pass = await print();
    }
    for (let n = 2; ; n++) {
      const { pages, missing } = pagesOf(targets, pass.dests);
      if (missing.length) fail(`the PDF has no destination for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}`);
      await numbers(digits, Object.fromEntries(pages));
      log(`rendering pass ${n} (${pass.pages} pages, numbers in the table of contents) …`);
      pass = await print();
      if (tocMatches(pages, pagesOf(targets, pass.dests).pages)) break;
      if (n >= MAX_PASSES) fail(`page numbers did not settle after ${MAX_PASSES} passes`);
      log('the table of contents moved a question; printing again');
    }
    if (sandbox.blocked.length) {
      req.warn(`handbook: blocked ${sandbox.blocked.length} request(s) to other hosts: ${sandbox.blocked.slice(0, 5).join(', ')}`);
    }

    log(`writing ${displayPath(outFile, cwd)}`);
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, pass.pdf);
    return { outFile, pages: pass.pages, entries: remaining, bytes: pass.pdf.length, blocked: [...sandbox.blocked] };
  } finally {
    await sandbox?.close();
    await served.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
