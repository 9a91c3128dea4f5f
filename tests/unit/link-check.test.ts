// The link checker on small hand-made sites (src/publish/link-check.ts).
import { describe, expect, it } from 'vitest';
import { checkLinks, detectBase, htmlAnchors, htmlLinks, srcsetUrls, type LinkProblem } from '../../src/publish/link-check.ts';

const page = (body: string, head = '') => `<!doctype html><html lang="vi"><head>${head}</head><body>${body}</body></html>`;
const site = (files: Record<string, string | undefined>) => new Map(Object.entries(files));
const brief = (problems: LinkProblem[]) => problems.map((p) => `${p.file} ${p.url} ${p.kind}`).sort();

describe('finding links', () => {
  it('reads href, src, srcset, action, stylesheets, scripts and url() in styles; not script text or comments', () => {
    const html = page(
      `<a href="/a/?x=1&amp;y=2">a</a><img src="i.png" srcset="i-1.png 1x, i-2.png 2x" alt="">
       <form action="/tim-kiem/"></form><div style="background: url('bg.png')"></div>
       <!-- <a href="/commented/">x</a> --><script>const s = '<a href="/in-script/">';</script>`,
      `<link rel="stylesheet" href="/_astro/s.css"><script type="module" src="/_astro/m.js"></script><style>.x{background:url(/_astro/f.woff2)}</style>`,
    );
    expect(htmlLinks(html).map((l) => l.url)).toEqual(['/_astro/s.css', '/_astro/m.js', '/a/?x=1&y=2', 'i.png', 'i-1.png', 'i-2.png', '/tim-kiem/', 'bg.png', '/_astro/f.woff2']);
  });
  it('splits srcset candidates, keeping commas inside URLs', () => {
    expect(srcsetUrls('a.png 1x,b.png 2x')).toEqual(['a.png', 'b.png']);
    expect(srcsetUrls(' a.png, b,c.png 640w ')).toEqual(['a.png', 'b,c.png']);
  });
  it('collects ids and <a name> anchors', () => {
    expect([...htmlAnchors(page('<h2 id="x">x</h2><a name="y"></a><input name="q">'))].sort()).toEqual(['x', 'y']);
  });
  it('detects the base path from the bundled assets of the home page', () => {
    expect(detectBase(page('', '<link rel="stylesheet" href="/hoi-dap/_astro/a.css">'))).toBe('/hoi-dap/');
    expect(detectBase(page('', '<link rel="stylesheet" href="/_astro/a.css">'))).toBe('/');
    expect(detectBase(page('<a href="/x/">x</a>'))).toBeUndefined();
  });
});

describe('checking a site', () => {
  const files = site({
    'index.html': page(
      `<a href="/cau-hoi/a/">ok</a> <a href="cau-hoi/a/#tra-loi">ok</a> <a href="/cau-hoi/a/#khong-co">bad anchor</a>
       <a href="/cau-hoi/b/">missing</a> <a href="#top">top</a> <a href="#noi-dung">in page</a> <a href="/cau-hoi/a">folder</a>
       <a href="mailto:a@b.vn">m</a> <a href="tel:+84">t</a> <a href="https://vbpl.vn/x">external</a> <img src="/anh.png" alt="">`,
      '<link rel="stylesheet" href="/_astro/s.css"><link rel="canonical" href="http://localhost:4321/">',
    ),
    'cau-hoi/a/index.html': page('<main id="noi-dung"><h2 id="tra-loi">Trả lời</h2><a href="../../">home</a><a href="../../#noi-dung">x</a></main>'),
    '404.html': page('<a href="/">home</a> <a href="cau-hoi/a/">relative</a>'),
    '_astro/s.css': '@font-face{src:url(/_astro/f.woff2)} .a{background:url("./missing.png")}',
    '_astro/f.woff2': undefined,
    'data.json': undefined,
  });

  it('reports missing files, missing anchors and relative links in the 404 page, each once', () => {
    const withMain = new Map(files);
    withMain.set('index.html', files.get('index.html')!.replace('<body>', '<body><main id="noi-dung">'));
    expect(brief(checkLinks({ files: withMain, siteUrl: 'http://localhost:4321' }))).toEqual([
      '404.html cau-hoi/a/ relative-in-404',
      '_astro/s.css ./missing.png missing',
      'index.html /anh.png missing',
      'index.html /cau-hoi/a/#khong-co anchor',
      'index.html /cau-hoi/b/ missing',
    ]);
  });

  it('a fragment must exist in the page it points to', () => {
    const problems = checkLinks({ files });
    expect(problems.filter((p) => p.kind === 'anchor').map((p) => p.url).sort()).toEqual(['#noi-dung', '../../#noi-dung', '/cau-hoi/a/#khong-co']);
    expect(problems.find((p) => p.url === '#noi-dung')!.message).toContain('index.html');
  });

  it('links to the site’s own absolute URL are checked; other sites are not', () => {
    const s = site({ 'index.html': page('<a href="http://localhost:4321/khong-co/">x</a><a href="https://example.org/khong-co/">y</a>') });
    expect(brief(checkLinks({ files: s, siteUrl: 'http://localhost:4321' }))).toEqual(['index.html http://localhost:4321/khong-co/ missing']);
    expect(checkLinks({ files: s })).toEqual([]);
  });

  it('under a base path every absolute internal link must start with the base', () => {
    const s = site({
      'index.html': page('<a href="/hoi-dap/cau-hoi/a/">ok</a><a href="/cau-hoi/a/">outside</a><a href="cau-hoi/a/">relative ok</a>', '<link rel="stylesheet" href="/hoi-dap/_astro/s.css">'),
      'cau-hoi/a/index.html': page('<a href="/hoi-dap/">home</a><a href="../../../">above the base</a>'),
      '_astro/s.css': '',
    });
    expect(brief(checkLinks({ files: s, base: '/hoi-dap/' }))).toEqual(['cau-hoi/a/index.html ../../../ outside-base', 'index.html /cau-hoi/a/ outside-base']);
    expect(checkLinks({ files: s, base: 'hoi-dap' })).toHaveLength(2);
  });

  it('percent-encoded paths and fragments are decoded before lookup', () => {
    const s = site({
      'index.html': page('<a href="/t%C3%A0i-li%E1%BB%87u/#m%E1%BB%A5c-1">x</a>'),
      'tài-liệu/index.html': page('<h2 id="mục-1">Mục 1</h2>'),
    });
    expect(checkLinks({ files: s })).toEqual([]);
  });
});
