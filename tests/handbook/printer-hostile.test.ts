// The handbook printer treats the page as hostile (issue 16, finding 2). These tests take the built
// sample site and plant, in one entry's answer, the markup that would get through if the guard and
// the sanitiser ever let raw HTML by: script that rewrites other entries, DOM clobbering of what the
// printer looks up, requests to other hosts, a meta refresh, a forged question and QR code. The PDF
// must still print every entry's own question and URL, and nothing may leave the machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT } from '../../src/node/build-site.ts';
import { qrSvgUncached } from '../../src/publish/qr.ts';
import { handbookVi as hb } from '../../src/i18n/handbook-vi.ts';

const sample = inject('sites').sample;
const CLI = path.join(PROJECT, 'src/cli/handbook.ts');
const FIELD = 'dien-luc';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hoidap-printer-hostile-'));

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const tool = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

interface Entry {
  id: string;
  question: string;
  url: string;
  field: string;
  status: string;
}
const entries = (JSON.parse(fs.readFileSync(path.join(sample, 'data/entries.json'), 'utf8')) as { entries: Entry[] }).entries;
const inField = entries.filter((e) => e.field === FIELD && e.status === 'published');

/** A copy of the sample site whose dien-luc handbook page went through `edit`. */
function hostileSite(name: string, edit: (html: string) => string): string {
  const dist = path.join(tmp, name);
  fs.cpSync(sample, dist, { recursive: true });
  const page = path.join(dist, 'so-tay', FIELD, 'index.html');
  const before = fs.readFileSync(page, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  fs.writeFileSync(page, after);
  return dist;
}

/** Inserts `markup` at the start of the answer of entry `id`. */
const inAnswer = (html: string, id: string, markup: string) => {
  const at = html.indexOf(`data-entry-id="${id}"`);
  expect(at).toBeGreaterThan(0);
  const prose = html.indexOf('<div class="prose hb-prose">', at) + '<div class="prose hb-prose">'.length;
  return html.slice(0, prose) + markup + html.slice(prose);
};

function print(dist: string, name: string) {
  const out = path.join(tmp, `${name}.pdf`);
  const run = spawnSync(process.execPath, [CLI, FIELD, '--dist', dist, '--out', out], { cwd: PROJECT, encoding: 'utf8' });
  return { out, status: run.status, log: `${run.stdout}\n${run.stderr}` };
}

/** Every QR code of the PDF, decoded. */
function qrCodes(pdf: string, name: string): string[] {
  const dir = path.join(tmp, `${name}-png`);
  fs.mkdirSync(dir);
  expect(tool('pdftoppm', ['-r', '150', '-png', pdf, path.join(dir, 'p')]).status).toBe(0);
  const pngs = fs.readdirSync(dir).map((f) => path.join(dir, f));
  return tool('zbarimg', ['-q', '--raw', ...pngs]).stdout.split('\n').filter(Boolean);
}

// A server standing for "another host": it must never see a request.
const seen: string[] = [];
let external: http.Server;
let ext = '';
beforeAll(async () => {
  external = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    res.end('leaked');
  });
  await new Promise<void>((resolve) => external.listen(0, '127.0.0.1', resolve));
  ext = `http://127.0.0.1:${(external.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => external.close(resolve));
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('a handbook entry carrying hostile markup', () => {
  const [attacker, victim] = inField;
  let run: ReturnType<typeof print>;
  let text: string;
  let codes: string[];

  beforeAll(() => {
    expect(inField.length).toBeGreaterThan(2);
    const payload = [
      // Script (inline, handler, and from another host) that rewrites every question and QR code.
      `<script>for (const h of document.querySelectorAll('.hb-q')) h.textContent = 'BI SUA BOI SCRIPT'; for (const q of document.querySelectorAll('.hb-qr')) q.innerHTML = '';</script>`,
      `<img src="x" onerror="document.body.textContent='BI SUA BOI ONERROR'">`,
      `<script src="${ext}/script.js"></script>`,
      // Requests to other hosts, by every element that fetches without script.
      `<img src="${ext}/img.png"><img src="http://evil.example/img.png"><link rel="stylesheet" href="${ext}/style.css">`,
      `<iframe src="${ext}/frame"></iframe><object data="${ext}/object"></object><video poster="${ext}/poster.png"></video>`,
      `<link rel="prefetch" href="${ext}/prefetch"><link rel="preconnect" href="http://evil.example/"><link rel="dns-prefetch" href="//evil.example">`,
      // A refresh to another page of the same site, and one off-site.
      `<meta http-equiv="refresh" content="0;url=/so-tay/"><meta http-equiv="refresh" content="0;url=${ext}/refresh">`,
      // Inline style that would hide or cover the next entry.
      `<style>.hb-entry + .hb-entry .hb-q { display: none }</style>`,
      // DOM clobbering of what the printer's script uses.
      `<form name="querySelector"><input name="getAttribute"></form><img name="querySelectorAll"><img name="fonts"><img name="createElement">`,
      `<a id="location" href="${ext}/clobber"></a><div id="hb-title" data-hb-site="${ext}/" data-hb-title="BI SUA TIEU DE"></div>`,
      // Page-number slots and cover fields pointing elsewhere.
      // (empty: if the printer wrote into them, the count would print twice)
      `<span class="hb-toc-pg" data-toc-page="q-${victim.id}"></span><span data-hb-count></span><time data-print-date></time>`,
    ].join('');
    const dist = hostileSite('markup', (html) => {
      let out = inAnswer(html, attacker.id, payload);
      // The victim's own question and QR code, forged as if content had rewritten them at build time.
      const v = out.indexOf(`data-entry-id="${victim.id}"`);
      const q = out.indexOf(norm(victim.question).split(' ').slice(0, 4).join(' '), v);
      expect(q).toBeGreaterThan(v);
      out = out.slice(0, q) + 'CÂU HỎI GIẢ ' + out.slice(q);
      const svgStart = out.indexOf('<svg', v);
      const svgEnd = out.indexOf('</svg>', svgStart) + '</svg>'.length;
      return out.slice(0, svgStart) + qrSvgUncached('https://evil.example/phishing', 'x', 'hb-qr-code') + out.slice(svgEnd);
    });
    run = print(dist, 'markup');
    text = run.status === 0 ? norm(tool('pdftotext', [run.out, '-']).stdout) : '';
    codes = run.status === 0 ? qrCodes(run.out, 'markup') : [];
  }, 180_000);

  it('still prints, and says what it blocked', () => {
    expect(run.status, run.log).toBe(0);
    expect(run.log).toMatch(/blocked \d+ request\(s\) to other hosts/);
  });

  it("prints every entry's own question, none of the planted text", () => {
    for (const e of inField) expect(text, e.id).toContain(norm(e.question));
    for (const planted of ['BI SUA', 'CÂU HỎI GIẢ']) expect(text).not.toContain(planted);
    // The cover's count, once: the printer did not fill the planted count element.
    expect(text.split(norm(hb.entryCount(inField.length))).length - 1).toBe(1);
  });

  it("carries under every entry the QR code of that entry's URL, from the build's data", () => {
    expect(codes.sort()).toEqual(inField.map((e) => e.url).sort());
    expect(codes).not.toContain('https://evil.example/phishing');
  });

  it('lets no request leave the machine', () => {
    expect(seen).toEqual([]);
  });
});

describe('markup that adds entry articles or a second handbook root', () => {
  const [attacker, victim] = inField;
  const cases = [
    {
      name: 'extra-article',
      markup: `</div></div></article><article class="hb-entry" data-entry-id="${victim.id}"><div class="hb-head"><div class="hb-title"><h3 class="hb-q">GIẢ</h3></div></div></article><article><div><div>`,
      says: victim.id,
    },
    { name: 'nested-article', markup: `<article class="hb-entry" data-entry-id="${victim.id}"></article>`, says: 'entry articles' },
    { name: 'second-root', markup: `<div data-handbook data-hb-site="${'http://evil.example/'}"></div>`, says: 'handbook roots' },
  ];
  for (const c of cases) {
    it(`stops the printer with a message naming the mismatch (${c.name})`, () => {
      const dist = hostileSite(c.name, (html) => inAnswer(html, attacker.id, c.markup));
      const run = print(dist, c.name);
      expect(run.status, run.log).toBe(1);
      expect(run.log).toContain("does not match the build's data");
      expect(run.log).toContain(c.says);
      expect(fs.existsSync(run.out)).toBe(false);
    }, 120_000);
  }
});
