// Every fixed page next to a dynamic route must have its name reserved for that route's collection,
// so no content id can take its address (issue 16, finding 7: a field "all" lost its feed to
// /feeds/all.xml). Reads src/pages, so a page added later is caught here too.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESERVED_IDS, type CollectionName } from '../../src/schema/index.ts';

const PAGES = path.resolve(import.meta.dirname, '../../src/pages');
/** The collection whose ids fill each route parameter. */
const PARAM_COLLECTION: Record<string, CollectionName> = { field: 'fields', unit: 'units', doc: 'documents', id: 'entries' };
/** Parameters filled by the project itself, not by content (the CMS's fonts and locales). */
const NOT_CONTENT = new Set(['font', 'locale']);

/** The URL segment of a page file name with the given suffix, e.g. "all.xml.ts" → "all" for "[field].xml.ts". */
function routeName(file: string, suffix: string): string | undefined {
  return file.endsWith(suffix) ? file.slice(0, -suffix.length) : undefined;
}

function dynamicRoutes() {
  const out: { dir: string; param: string; suffix: string; siblings: string[] }[] = [];
  for (const rel of fs.readdirSync(PAGES, { recursive: true }) as string[]) {
    const m = /^\[(\w+)\](.*)$/.exec(path.basename(rel));
    if (!m || NOT_CONTENT.has(m[1])) continue;
    const dir = path.dirname(rel);
    const suffix = m[2]; // ".astro", ".xml.ts" …
    const siblings = fs
      .readdirSync(path.join(PAGES, dir))
      .filter((f) => !f.startsWith('['))
      .flatMap((f) => {
        const isDir = fs.statSync(path.join(PAGES, dir, f)).isDirectory();
        // A folder takes its name as an address; a page file with the same suffix does too.
        const name = isDir ? f : routeName(f, suffix);
        return name && name !== 'index' ? [name] : [];
      });
    out.push({ dir, param: m[1], suffix, siblings });
  }
  return out;
}

describe('reserved ids', () => {
  const routes = dynamicRoutes();
  it('finds the dynamic routes of the site', () => {
    expect(routes.map((r) => `${r.dir}/[${r.param}]${r.suffix}`)).toEqual(
      expect.arrayContaining(['feeds/[field].xml.ts', 'linh-vuc/[field].astro', 'cau-hoi/[id].astro', 'don-vi/[unit].astro', 'van-ban/[doc].astro']),
    );
  });
  for (const route of routes) {
    it(`every fixed sibling of ${route.dir}/[${route.param}]${route.suffix} is a reserved id`, () => {
      const collection = PARAM_COLLECTION[route.param];
      expect(collection, `unknown route parameter [${route.param}]: add it to PARAM_COLLECTION`).toBeDefined();
      for (const name of route.siblings) expect(RESERVED_IDS[collection]).toContain(name);
    });
  }
  it('reserves the feed names, the planned questions feed included', () => {
    expect(RESERVED_IDS.fields).toEqual(expect.arrayContaining(['all', 'questions']));
  });
});
