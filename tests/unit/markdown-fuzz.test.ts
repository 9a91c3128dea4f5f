// Differential fuzz test of the two HTML lines of defence, with a fixed seed. Random Markdown and MDX
// documents (links in every form, images, autolinks, raw HTML, comments with every ending, entities,
// nested containers, code, MDX JSX and expressions) go through the guard (src/content/markdown-safety.ts);
// each document it accepts is rendered in-process by the pipeline Astro uses (Sätteri) and read back
// by parse5. Property: the rendered HTML holds only allow-listed elements and attributes and no URL
// outside the policy, both BEFORE the sanitiser (the guard alone holds) and AFTER it (the sanitiser
// holds). HOIDAP_FUZZ_RUNS=100000 (and HOIDAP_FUZZ_SEED) run the opt-in long tier.
import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/content/markdown-safety.ts';
import { sanitizeEntryHtml } from '../../src/content/sanitize-html.ts';
import { allowListViolations, renderMarkdown, renderMdx } from '../helpers/render-entry.ts';

const RUNS = Number(process.env.HOIDAP_FUZZ_RUNS) || 1500;
const SEED = Number(process.env.HOIDAP_FUZZ_SEED) || 0x5eed16;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

const WORDS = ['xã', 'phường', 'Ủy ban', 'hộ kinh doanh', 'giấy phép', 'a', 'b', '1', '*', '_', '\\', '`', '|', '!', '[', ']', '(', ')', '<', '>', '"', "'", '&', ';', ':', '-', '#', '~', '=', '{', '}'];
const URLS = [
  'https://vanban.chinhphu.vn/x', 'http://a.vn/?q=1&b=2', '/cau-hoi/a/', './b', '../c', '#dieu-1', '?q=x', 'mailto:a@b.vn', 'tel:+84238',
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', '&#106;avascript:alert(1)', '&#x6A;avascript&#58;x', 'java&#x09;script:x', 'java%0ascript:x',
  ' javascript:x', 'javascript&colon;x', 'data:text/html,<script>x</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd',
  '//evil.example', '/\\evil.example', '\\\\evil.example', '&#47;/evil.example', '/&#92;evil.example', 'http:evil', '%ZZ', '/a%E0%A4%A.png',
  '<javascript:x>', '<//evil.example>', 'x" onmouseover="alert(1)', "x' onerror='alert(1)", 'a b', '',
];
const HTML = [
  '<b>x</b>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '</p>', '</li></ul><script>x</script>', '<a href="javascript:x">a</a>', '<style>*{}</style>', '<iframe src=//evil.example>', '<svg onload=alert(1)>',
  '<div onclick=x>', '<br/>', '<input autofocus onfocus=x>', '<textarea>', '<plaintext>', '<x-y z=1>', '<?php x ?>', '<!DOCTYPE html>', '<![CDATA[x]]>',
  '<details open ontoggle=x>', '<a\nhref="javascript:x">', '<img\tsrc=x\tonerror=x>', '</pre>', '<noscript><p title="</noscript><img src=x onerror=x>">',
];
const COMMENTS = [
  '<!-- ghi chú -->', '<!---->', '<!-->', '<!--->', '<!-- a --!>', '<!-- a --!-->', '<!-- <!-- a -->', '<!-- a', '<!-- a --->', '<!-- a -- b -->',
  '<!-- a -->x', '<!-- a --><b>', '<!-- a\n\nb -->', '<!--<!-->', '<!-- a <!- -->', '<!-- > -->', '<!--->-->',
];
const ENTITIES = ['&amp;', '&lt;', '&gt;', '&quot;', '&#106;', '&#x6A;', '&colon;', '&Tab;', '&NewLine;', '&#0;', '&#x3C;', '&#60;script&#62;', '&nbsp;', '&#xD800;', '&bogus;'];
const LANGS = ['js', 'html', 'c++', '', 'x"onmouseover="alert(1)', 'js"><img src=x onerror=x>', 'a b', '{.x}'];

function text(r: Rng): string {
  const n = 1 + r.int(4);
  return Array.from({ length: n }, () => (r.chance(0.15) ? r.pick(ENTITIES) : r.pick(WORDS))).join(r.chance(0.5) ? ' ' : '');
}

function inline(r: Rng, mdx: boolean, depth = 0): string {
  const url = () => r.pick(URLS);
  const title = () => (r.chance(0.5) ? '' : ` "${r.pick(['t', '✓<img src=x onerror=x>✓', '" onmouseover="x', text(r)])}"`);
  const sub = () => (depth < 2 ? inline(r, mdx, depth + 1) : text(r));
  switch (r.int(mdx ? 16 : 14)) {
    case 0: return `[${sub()}](${url()}${title()})`;
    case 1: return `![${text(r)}](${url()}${title()})`;
    case 2: return `<${url()}>`;
    case 3: return `[${sub()}][r${r.int(3)}]`;
    case 4: return r.pick(HTML);
    case 5: return r.pick(COMMENTS);
    case 6: return `\`${r.pick([...HTML, ...COMMENTS, text(r)])}\``;
    case 7: return `**${sub()}**`;
    case 8: return `_${sub()}_ ~~${text(r)}~~`;
    case 9: return r.pick(['www.evil.example', 'https://auto.vn/x', 'a@b.vn', 'javascript:alert(1)']);
    case 10: return `[^${r.int(3)}]`;
    case 11: return r.pick(ENTITIES);
    case 12: return `[${sub()}](<${url()}>)`;
    case 13: return text(r);
    case 14: return r.pick(['{1+1}', '{/* c */}', '{alert(1)}', '<Note>x</Note>', '<Note title="t">x</Note>', '<b>x</b>', '<Note title={x}>y</Note>', '<Note onClick="x">y</Note>', '<Note {...p}>y</Note>', '<note>x</note>', '<>f</>']);
    default: return `<Note title="${r.pick(['Lưu ý', '<script>x</script>', '&quot;x', '✓'])}">${sub()}</Note>`;
  }
}

function line(r: Rng, mdx: boolean): string {
  return Array.from({ length: 1 + r.int(3) }, () => inline(r, mdx)).join(' ');
}

function block(r: Rng, mdx: boolean, depth = 0): string {
  const inner = () => (depth < 2 ? block(r, mdx, depth + 1) : line(r, mdx));
  const indent = (s: string, prefix: string, cont: string) => s.split('\n').map((l, i) => (i === 0 ? prefix : cont) + l).join('\n');
  switch (r.int(mdx ? 13 : 12)) {
    case 0: return indent(inner(), '- ', '  ');
    case 1: return indent(inner(), '1. ', '   ');
    case 2: return indent(inner(), '> ', '> ');
    case 3: return `| ${line(r, mdx)} | b |\n|:-|-:|\n| ${line(r, mdx)} | ${inline(r, mdx)} |`;
    case 4: return `[^${r.int(3)}]: ${inner()}`;
    case 5: return `[r${r.int(3)}]: ${r.pick(URLS)}${r.chance(0.3) ? ' "t"' : ''}`;
    case 6: return `${r.pick(['```', '~~~'])}${r.pick(LANGS)}\n${r.pick([...HTML, ...COMMENTS, text(r)])}\n${r.pick(['```', '~~~'])}`;
    case 7: return r.pick([...COMMENTS, ...HTML]);
    case 8: return `${r.pick(COMMENTS)}${r.pick(['', ...HTML])}${r.pick(['', ...COMMENTS])}`;
    case 9: return `${'#'.repeat(1 + r.int(6))} ${line(r, mdx)}`;
    case 10: return `- [${r.pick([' ', 'x'])}] ${line(r, mdx)}`;
    case 11: return line(r, mdx);
    default: return r.pick([`<Note title="t">\n${inner()}\n</Note>`, 'import x from "y"', 'export const a = 1', '{process.exit(1)}', `<div>\n${inner()}\n</div>`]);
  }
}

function documentFor(r: Rng, mdx: boolean): string {
  // MDX rejects more (raw HTML and comments are syntax errors there): shorter documents keep enough accepted.
  return Array.from({ length: 1 + r.int(mdx ? 2 : 5) }, () => block(r, mdx)).join(r.chance(0.8) ? '\n\n' : '\n') + '\n';
}

describe(`differential fuzz (seed ${SEED}, ${RUNS} documents per format)`, () => {
  for (const format of ['md', 'mdx'] as const) {
    it(`${format}: every accepted document renders to allow-listed HTML, before and after the sanitiser`, { timeout: 600_000 }, async () => {
      const r = prng(SEED + (format === 'mdx' ? 1 : 0));
      const failures: string[] = [];
      let accepted = 0;
      for (let i = 0; i < RUNS && failures.length < 5; i++) {
        const doc = documentFor(r, format === 'mdx');
        if (checkBody(`fuzz.${format}`, doc, 1, format === 'mdx').length > 0) continue;
        accepted++;
        const html = format === 'mdx' ? renderMdx(doc) : await renderMarkdown(doc);
        const before = allowListViolations(html, { comments: true, alignStyle: true });
        const after = allowListViolations(sanitizeEntryHtml(html), { comments: false, alignStyle: false });
        if (before.length || after.length) failures.push(`${JSON.stringify(doc)}\n  before: ${before.join(', ')}\n  after: ${after.join(', ')}`);
      }
      expect(failures).toEqual([]);
      // The generator must exercise the renderer, not only the guard's rejections.
      expect(accepted).toBeGreaterThan(RUNS / 8);
    });
  }
});
