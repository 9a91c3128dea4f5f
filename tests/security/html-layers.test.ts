// Issue 16, the HTML lines of defence: comment smuggling (finding 1), attribute breakout in the
// handbook (finding 3), <Note> in .mdx entries on every page (finding 6), broken percent-escapes
// (finding 7), protocol-relative URLs and inline highlighter styles (finding 11). Check rejects with the
// file and line; the build rejects; the built xss site (tests/fixtures/xss/entries/ghi-chu.mdx) renders
// a Note, a code block and a hostile link title safely on the entry page and in the handbook.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import type { Element, RootContent } from 'hast';
import { buildSite } from '../../src/node/build-site.ts';
import { readContentRoot } from '../../src/content/read-root.ts';
import { FIXTURE_TODAY, makeRoot, readFixture, withKey } from '../helpers/fixture-root.ts';
import { readPage } from '../helpers/html.ts';
import { allowListViolations } from '../helpers/render-entry.ts';
import { checkHostileBody } from '../helpers/body-check.ts';

const out = inject('sites').xss;
const ENTRY = readFixture('entries/a/hanh-lang.md');

/** Every element of a page, as parse5 (a browser's parser) reads it. */
function elementsOf(html: string): Element[] {
  const found: Element[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const n of nodes) {
      if (n.type !== 'element') continue;
      found.push(n);
      walk(n.children);
    }
  };
  walk(fromHtml(html).children);
  return found;
}
const hasClass = (el: Element, c: string) => Array.isArray(el.properties.className) && el.properties.className.includes(c);
/** The inner HTML of the first element with class `cls` (for the allow-list check), by parse5 offsets. */
function innerOf(html: string, cls: string): string {
  const tree = fromHtml(html);
  let found: Element | undefined;
  const walk = (nodes: RootContent[]) => {
    for (const n of nodes) if (n.type === 'element' && !found) (hasClass(n, cls) ? (found = n) : walk(n.children));
  };
  walk(tree.children);
  const first = found!.children[0]?.position?.start.offset ?? 0;
  const last = found!.children.at(-1)?.position?.end.offset ?? 0;
  return html.slice(first, last);
}

// [name, body, message, text on the reported line]. The issue's payloads and variants.
const HOSTILE: [string, string, RegExp, string][] = [
  ['meta refresh between comments', '<!-- a --><meta http-equiv="refresh" content="0;url=https://evil.example/"><!-- b -->\n', /comment is malformed or followed by markup/, '<meta'],
  ['script after a comment', '<!-- x --><script>alert(1)</script>\n', /raw HTML/, '<script>'],
  ['onerror after a comment in a list item', '- mục\n- <!-- x --><img src=x onerror=alert(1)>\n', /raw HTML/, 'onerror'],
  ['iframe after a comment in a quote', '> trích\n> <!-- x --><iframe src="https://evil.example"></iframe>\n', /raw HTML/, '<iframe'],
  ['form after a comment in a table cell', '| a |\n|---|\n| <!-- x --><form action="https://evil.example"><input name=a></form> |\n', /raw HTML/, '<form'],
  ['style after a comment in a footnote', 'Chú thích[^1].\n\n[^1]: <!-- x --><style>*{display:none}</style>\n', /raw HTML/, '<style>'],
  ['--!> ending', '<!-- a --!> <img src=x onerror=alert(1)> -->\n', /comment is malformed/, '--!>'],
  ['<!--> ending', '<!--> <script>alert(1)</script> -->\n', /comment is malformed/, '<!-->'],
  ['<!---> ending', '<!---> <img src=x onerror=alert(1)> -->\n', /comment is malformed/, '<!--->'],
  ['nested <!--', '<!-- a <!-- b --> <b onclick=alert(1)>x</b> -->\n', /comment is malformed/, '<!-- a <!--'],
  ['unclosed comment (would hide the rest of the page)', 'Đoạn.\n\n<!-- không đóng\n', /comment is malformed/, '<!-- không đóng'],
  ['inline comment then markup in a paragraph', 'Chữ <!-- a --!> <a href=x onclick=alert(1)>y</a> --> tiếp.\n', /comment is malformed/, 'Chữ <!--'],
  ['protocol-relative link', '[trang](//evil.example/x)\n', /unsafe link URL/, '//evil.example'],
  ['backslash protocol-relative link', '[trang](/\\evil.example/x)\n', /unsafe link URL/, 'evil.example'],
  ['protocol-relative definition', '[trang][r]\n\n[r]: //evil.example\n', /unsafe definition URL/, '[r]: //evil'],
  ['protocol-relative image', '![ảnh](//evil.example/a.png)\n', /unsafe image URL/, '![ảnh]'],
  ['malformed percent-escape in an image', '![x](/a%E0%A4%A.png)\n', /malformed percent-escape/, '![x]'],
  ['malformed percent-escape in a link', '[x](%ZZ)\n', /malformed percent-escape/, '[x](%ZZ)'],
  ['code fence language breaking out of its class', '```x"onmouseover="alert(1)\nmã\n```\n', /code block language/, '```x"'],
];

describe('check rejects each hostile body with the file and line', () => {
  for (const [name, body, message, onLine] of HOSTILE) {
    it(name, () => {
      const { issue, file, lineText } = checkHostileBody(ENTRY, body);
      expect(issue?.message).toMatch(message);
      expect(issue?.file).toBe(file);
      expect(lineText).toContain(onLine);
    });
  }
  it('pure comments, <Note> with a text title and code stay accepted', () => {
    const mdx = withKey(ENTRY, 'id', 'ghi-chu');
    const root = makeRoot({
      'entries/a/hanh-lang.md': `${ENTRY.trimEnd()}\n\n<!-- ghi chú -->\n\n- mục <!-- chú thích -->\n\n\`\`\`c++\nint a = 1 < 2;\n\`\`\`\n`,
      'entries/a/ghi-chu.mdx': `${mdx.trimEnd()}\n\n<Note title="Lưu ý">Nội dung **ghi chú**.</Note>\n`,
    });
    expect(readContentRoot(root, FIXTURE_TODAY).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('the build rejects them too', () => {
  it('fails naming every hostile file and line', () => {
    const picks = [HOSTILE[0], HOSTILE[6], HOSTILE[7], HOSTILE[12], HOSTILE[16]];
    const files: Record<string, string> = {};
    picks.forEach(([, body], i) => {
      files[`entries/a/hostile-${i}.md`] = `${withKey(ENTRY, 'id', `hostile-${i}`).trimEnd()}\n\n${body}`;
    });
    const root = makeRoot(files);
    const result = buildSite({ root, outDir: path.join(os.tmpdir(), `hoidap-html-layers-${process.pid}`), env: { HOIDAP_BUILD_DATE: FIXTURE_TODAY } });
    expect(result.status).not.toBe(0);
    // The body starts on the line after the closing "---"; each payload sits after one blank line.
    const bodyLine = ENTRY.trimEnd().split('\n').length + 2;
    picks.forEach(([, , message], i) => {
      expect(result.output).toMatch(new RegExp(`entries/a/hostile-${i}\\.md:${bodyLine}: key "body": .*${message.source}`));
    });
  });
});

describe('built pages: Note, code and link titles are rendered safely everywhere (xss site)', () => {
  const pages = {
    entry: 'cau-hoi/ghi-chu-mdx/index.html',
    handbook: 'so-tay/index.html',
    fieldHandbook: 'so-tay/dien-luc/index.html',
  };
  for (const [name, page] of Object.entries(pages)) {
    it(`${name}: the <Note> of the .mdx entry renders (finding 6)`, () => {
      const els = elementsOf(readPage(out, page));
      const note = els.find((e) => e.tagName === 'aside' && hasClass(e, 'note'));
      expect(note).toBeDefined();
      const text = JSON.stringify(note);
      expect(text).toContain('Lưu ý <b>quan trọng</b>'); // the title, as text
      expect(text).toContain('ghi chú');
    });
    it(`${name}: no inline style, no event handler, the link title stays an inert attribute (findings 3, 11)`, () => {
      const els = elementsOf(readPage(out, page));
      expect(els.filter((e) => 'style' in e.properties).map((e) => e.tagName)).toEqual([]);
      expect(els.filter((e) => Object.keys(e.properties).some((k) => /^on/i.test(k))).map((e) => e.tagName)).toEqual([]);
      const link = els.find((e) => e.tagName === 'a' && e.properties.href === 'https://example.gov.vn/');
      expect(link?.properties.title).toBe("✓<img src=x onerror=alert('title')>✓");
      const code = els.find((e) => e.tagName === 'code' && hasClass(e, 'language-js'));
      expect(JSON.stringify(code)).toContain(`<img src=x onerror=alert('fence')>`);
    });
  }
  it('the handbook draws the ✓ of text as a mark, headings become paragraphs', () => {
    const els = elementsOf(readPage(out, pages.handbook));
    const entry = els.find((e) => e.properties.dataEntryId === 'ghi-chu-mdx')!;
    const inside = JSON.stringify(entry);
    expect(inside).toContain('hb-check');
    expect(inside).toContain('hb-subhead');
    expect(inside).not.toContain('"h2"');
  });
  it('every entry body on the entry pages is inside the allow-list', () => {
    for (const id of fs.readdirSync(path.join(out, 'cau-hoi'))) {
      const prose = innerOf(readPage(out, `cau-hoi/${id}/index.html`), 'prose');
      expect(prose.length, id).toBeGreaterThan(0);
      expect(allowListViolations(prose, { comments: false, alignStyle: false }), id).toEqual([]);
    }
  });
});
