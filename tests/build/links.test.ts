// Link integrity of the built sites: every internal link, fragment and asset resolves to a file of
// the output, also under SITE_BASE (src/publish/link-check.ts, the same check as `npm run check:links`).
// External links are never requested here (`npm run check:links -- --external`, docs/links.md).
import { describe, expect, inject, it } from 'vitest';
import { checkLinks, detectBase, formatLinkProblems, htmlLinks } from '../../src/publish/link-check.ts';
import { readSiteFiles } from '../../src/publish/check-site.ts';
import { siteUrl } from '../../src/site.config.ts';

const sites = inject('sites');

const cases = [
  { name: 'sample', dir: sites.sample, base: '/' },
  { name: 'minimal', dir: sites.minimal, base: '/' },
  { name: 'minimalBase', dir: sites.minimalBase, base: '/hoi-dap/' },
] as const;

for (const { name, dir, base } of cases) {
  describe(`links of the ${name} site (base ${base})`, () => {
    const files = readSiteFiles(dir);
    const pages = [...files.keys()].filter((f) => f.endsWith('.html'));

    it('is the site the test expects (its base, read from the home page)', () => {
      expect(pages).toContain('index.html');
      expect(detectBase(files.get('index.html')!)).toBe(base);
    });

    it('every internal link, fragment and asset resolves', () => {
      const problems = checkLinks({ files, base, siteUrl: siteUrl() });
      expect(formatLinkProblems(problems)).toBe('');
    });

    it('checks something: pages link to pages, stylesheets and fragments', () => {
      const links = pages.flatMap((p) => htmlLinks(files.get(p)!).map((l) => l.url));
      expect(links.length).toBeGreaterThan(pages.length * 5);
      expect(links.some((u) => u.includes('/_astro/') && u.endsWith('.css'))).toBe(true);
      // Removing a page that others link to is caught.
      const broken = new Map(files);
      broken.delete('tim-kiem/index.html');
      const problems = checkLinks({ files: broken, base, siteUrl: siteUrl() });
      expect(problems.some((p) => p.kind === 'missing' && p.url.endsWith('tim-kiem/'))).toBe(true);
    });

    if (base !== '/') {
      it(`every absolute internal link starts with ${base}`, () => {
        const outside = pages.flatMap((p) =>
          htmlLinks(files.get(p)!)
            .map((l) => l.url)
            .filter((u) => u.startsWith('/') && !u.startsWith('//') && !u.startsWith(base))
            .map((u) => `${p}: ${u}`),
        );
        expect(outside).toEqual([]);
      });
    }
  });
}
