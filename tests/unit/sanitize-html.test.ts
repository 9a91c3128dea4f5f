// The HTML lines of defence as pure functions: the guard's comment and URL rules, the allow-list
// sanitiser every rendered entry goes through, and the handbook's print rewrite on a parsed tree.
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { checkBody, isPureComments, isSafeUrl } from '../../src/content/markdown-safety.ts';
import { sanitizeEntryHtml } from '../../src/content/sanitize-html.ts';
import { parseHtmlFragment } from '../../src/content/html-fragment.ts';
import { printSafeHtml } from '../../src/content/print-safe.ts';
import { allowListViolations, renderMarkdown, renderMdx } from '../helpers/render-entry.ts';

/** Elements of an HTML fragment as a browser parses it, with their attribute names. */
function elements(html: string): string[] {
  const out: string[] = [];
  const walk = (nodes: ReturnType<typeof fromHtml>['children']) => {
    for (const n of nodes) {
      if (n.type !== 'element') continue;
      out.push([n.tagName, ...Object.keys(n.properties)].join(' '));
      walk(n.children);
    }
  };
  walk(fromHtml(html, { fragment: true }).children);
  return out;
}

describe('guard: only pure, well-formed HTML comments', () => {
  it('accepts comments and whitespace', () => {
    for (const ok of ['<!-- ghi chú -->', '<!---->', '<!-- a -- b -->', '<!-- a -->\n  <!-- b\nc -->', '<!-- a --!-->']) expect(isPureComments(ok), ok).toBe(true);
  });
  it('rejects every ending browsers read differently, and anything after the end', () => {
    for (const bad of [
      '<!-- a --><meta http-equiv="refresh" content="0;url=https://evil.example/"><!-- b -->',
      '<!--> <img src=x onerror=alert(1)> -->',
      '<!---> <img src=x onerror=alert(1)> -->',
      '<!-- a --!> <script>alert(1)</script> -->',
      '<!-- a <!-- b --> <b>',
      '<!-- a <!--->',
      '<!-- unclosed',
      '<!-- a --> tail text',
      '<!-- a -->&lt;b&gt;',
      '<!--a--><!',
      '<!-- a -->\u0000',
      '<!-- a --><?php x ?>',
      '<![CDATA[ x ]]>',
      '<!DOCTYPE html>',
    ]) expect(isPureComments(bad), bad).toBe(false);
  });
  it('reports comment smuggling in every container with the line', () => {
    const body = [
      'Dòng 1.',
      '',
      '<!-- a --><script>alert(1)</script><!-- b -->',
      '',
      '- mục <!-- x --!> <img src=x onerror=alert(1)> -->',
      '',
      '> <!--> <iframe src="https://evil.example"></iframe>',
      '',
      '| a |',
      '|---|',
      '| <!---> <form action=https://evil.example> --> |',
      '',
      'Chú thích[^1].',
      '',
      '[^1]: <!-- a --><style>*{display:none}</style>',
      '',
    ].join('\n');
    const lines = checkBody('x.md', body, 10, false).map((i) => i.line);
    for (const line of [12, 14, 16, 20, 24]) expect(lines, `line ${line}`).toContain(line);
  });
});

describe('guard: URLs', () => {
  it('rejects protocol-relative and backslash forms, keeps site links', () => {
    for (const u of ['//evil.example/x', '///evil.example', '/\\evil.example', '\\\\evil.example', '\\/evil.example', ' //evil.example', '/\t/evil.example']) expect(isSafeUrl(u), u).toBe(false);
    for (const u of ['/cau-hoi/a/', './a', '../b', '#dieu-1', '?q=1', 'a/b:c', 'https://x.vn', 'HTTP://x.vn', 'mailto:a@b.vn', 'tel:+84']) expect(isSafeUrl(u), u).toBe(true);
  });
  it('rejects malformed percent-escapes (Astro would publish an empty answer) with the line', () => {
    const issues = checkBody('x.md', 'a\n\n![x](/a%E0%A4%A.png)\n\n[x](%ZZ)\n\n[y][r]\n\n[r]: /a%\n', 1, false);
    expect(issues.map((i) => [i.line, /percent-escape/.test(i.message)])).toEqual([[3, true], [5, true], [9, true]]);
  });
  it('rejects code fence languages that could break out of the class attribute', () => {
    const issues = checkBody('x.md', 'a\n\n```x"onmouseover="alert(1)\ncode\n```\n\n~~~c++\nok\n~~~\n', 1, false);
    expect(issues.map((i) => i.line)).toEqual([3]);
  });
});

describe('sanitiser: the entry allow-list', () => {
  it('keeps everything the Markdown renderer makes', async () => {
    const md = '# T\n\n**b** _i_ ~~s~~ `c` [l](https://x.vn "t") ![im](/a.png "ti") <https://a.vn> www.x.vn a@b.vn\\\nx[^1]\n\n| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |\n\n- [ ] t\n- [x] d\n\n3. x\n\n> q\n\n---\n\n```js\nconst a = "<b>";\n```\n\n[^1]: F.\n';
    const html = await renderMarkdown(md);
    const clean = sanitizeEntryHtml(html);
    expect(allowListViolations(clean, { comments: false, alignStyle: false })).toEqual([]);
    // Nothing but the alignment style is lost.
    expect(elements(clean)).toEqual(elements(html).map((e) => e.replace(/ style$/, ' className')));
    expect(clean).toContain('<th class="align-center">');
    expect(clean).toContain('<input type="checkbox" checked disabled>');
    expect(clean).toContain('href="#user-content-fn-1"');
    expect(clean).not.toContain('style=');
  });
  it('keeps <Note> as the component renders it', () => {
    const html = renderMdx('<Note title="Lưu ý">Nội dung **đậm**.</Note>\n');
    expect(sanitizeEntryHtml(html)).toBe(html);
    expect(html).toContain('<aside class="note"><p class="note-title"><strong>Lưu ý</strong></p>');
  });
  it('removes scripts, handlers, frames, styles, forms, comments and unsafe URLs', () => {
    const dirty = [
      '<!-- a --><meta http-equiv="refresh" content="0;url=https://evil.example/"><!-- b -->',
      '<script>alert(1)</script><img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe>',
      '<style>*{display:none}</style><form action="https://evil.example"><input name=a></form>',
      '<!--> <svg onload=alert(1)>x</svg> -->',
      '<p style="color:red" onclick="x" class="evil" id="x">t</p>',
      '<a href="javascript:alert(1)">j</a><a href="//evil.example">p</a><a href="/\\evil.example">b</a><a href="java&#x09;script:x">t</a>',
      '<img src="data:image/svg+xml,x"><img src="/a%E0%A4%A.png">',
      '<input type="text"><input type="checkbox" disabled onclick="x">',
      '<code class="language-x&quot;onmouseover">c</code><math><mi xlink:href="javascript:x">m</mi></math>',
      '<a href="https://ok.vn" target="_blank" rel="opener">ok</a>',
    ].join('\n');
    const clean = sanitizeEntryHtml(dirty);
    expect(allowListViolations(clean, { comments: false, alignStyle: false })).toEqual([]);
    expect(clean).not.toMatch(/<script|<iframe|<style|<form|<meta|<svg|<math|onerror|onclick|onload|javascript|evil|data:|<!--/i);
    expect(clean).toContain('<a href="https://ok.vn">ok</a>');
    expect(clean).toContain('<input type="checkbox" disabled>');
  });
  it('parses fragments as hast-util-from-html does, without positions', () => {
    const withoutPositions = (tree: unknown) => JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value));
    const fragments = [
      '<p>Điều <strong>5</strong> &amp; <em>khoản</em></p><ul><li>a<li>b</ul>',
      '<table><tr><td style="text-align: left">x</td></tr></table><p>sau</p>',
      '<!--> <svg onload=alert(1)><foreignObject><p>t</p></foreignObject></svg> -->',
      '<noscript><img src=x onerror=alert(1)></noscript><template><script>x</script></template>',
      '<a href="java&#x09;script:x" title="&quot;>">t</a><textarea><p>raw</textarea><plaintext><b>',
      '<select><option>1<option>2</select><math><mi xlink:href="x">m</mi></math><p>unclosed',
      '\u0000<p>nul \uFEFF bom</p>\r\n<p>crlf</p>',
    ];
    for (const html of fragments) expect(withoutPositions(parseHtmlFragment(html)), html).toBe(withoutPositions(fromHtml(html, { fragment: true })));
  });
});

describe('handbook print rewrite works on the parsed tree', () => {
  it('turns headings into paragraphs without ids and ✓ in text into a drawn mark', () => {
    const html = '<h2 id="x" class="y">Tiêu đề</h2><p>A ✓ B ✓</p><h6>z</h6>';
    expect(printSafeHtml(html)).toBe('<p class="hb-subhead">Tiêu đề</p><p>A <span class="hb-check" aria-hidden="true"></span> B <span class="hb-check" aria-hidden="true"></span></p><p class="hb-subhead">z</p>');
  });
  it('leaves attribute values inert (finding 3)', () => {
    const html = '<p><a href="https://x.vn" title="✓<img src=x onerror=alert(1)>✓">l</a><img alt="<h2 onclick=x>" src="/a.png"></p>';
    const out = printSafeHtml(html);
    expect(elements(out)).toEqual(['p', 'a href title', 'img alt src']);
    expect(out).toContain('title="✓<img src=x onerror=alert(1)>✓"');
    expect(out).not.toContain('hb-check');
  });
});
