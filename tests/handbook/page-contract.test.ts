// The handbook page (src/components/handbook/Handbook.astro and its parts) and the printer
// (src/handbook/) agree on the selectors and data attributes of src/handbook/page-contract.ts: a
// built handbook page is opened the way the printer opens it, and every one of them must be there.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { serveSite, type Served } from '../../src/node/serve.ts';
import { ATTR, ROOT, ROOT_ATTRS, SEL } from '../../src/handbook/page-contract.ts';
import { inspectPage } from '../../src/handbook/page-script.ts';
import { openSandbox, type Sandbox } from '../../src/handbook/sandbox.ts';

const dist = inject('sites').sample;
const entries = (JSON.parse(fs.readFileSync(path.join(dist, 'data/entries.json'), 'utf8')) as { entries: { field: string; status: string; levels: string[] }[] }).entries;

/** How many elements each selector finds in its scope (page-contract.ts says which scope). */
function countSelectors(arg: { ROOT: string; S: Record<string, string>; A: Record<string, string> }): Record<string, number> {
  const qa = (el: ParentNode, sel: string) => [...Element.prototype.querySelectorAll.call(el, sel)] as Element[];
  const root = Document.prototype.querySelector.call(document, arg.ROOT) as Element;
  const { S } = arg;
  const cover = qa(root, S.cover);
  const toc = qa(root, S.toc);
  const fields = qa(root, S.fields);
  const topics = fields.flatMap((f) => qa(f, S.topics));
  const articles = topics.flatMap((t) => qa(t, S.entries));
  const inAll = (els: Element[], sel: string) => els.reduce((n, el) => n + qa(el, sel).length, 0);
  const counts: Record<string, number> = {
    cover: cover.length,
    changes: qa(root, S.changes).length,
    toc: toc.length,
    fields: fields.length,
    topics: topics.length,
    entries: articles.length,
    anyEntry: Document.prototype.querySelectorAll.call(document, S.anyEntry).length,
    question: inAll(articles, S.question),
    qr: inAll(articles, S.qr),
    entryPrintDate: inAll(articles, S.entryPrintDate),
    coverPrintDate: inAll(cover, S.coverPrintDate),
    count: inAll(cover, S.count),
    filter: inAll(cover, S.filter),
    owner: inAll(cover, S.owner),
    tocEntry: inAll(toc, S.tocEntry),
    tocGroup: inAll(toc, S.tocGroup),
    tocField: inAll(toc, S.tocField),
    empty: inAll(toc, S.empty),
    pageSlot: inAll(toc, S.pageSlot),
  };
  // Every element an attribute is read from carries it.
  const missing = (els: Element[], attr: string) => els.filter((el) => !el.hasAttribute(attr)).length;
  counts['attr:entryId missing'] = missing(articles, arg.A.entryId);
  counts['attr:tocEntry missing'] = missing(inAll(toc, S.tocEntry) ? qa(toc[0]!, S.tocEntry) : [], arg.A.tocEntry);
  counts['attr:owner missing'] = missing(cover[0] ? qa(cover[0], S.owner) : [], arg.A.owner);
  return counts;
}

describe('the handbook page and the printer agree on the page contract', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveSite(dist, '/');
  }, 60_000);
  afterAll(async () => {
    await served?.close();
  });

  for (const scope of ['dien-luc', 'all']) {
    it(`finds every selector and attribute on /so-tay/${scope === 'all' ? '' : `${scope}/`}`, async () => {
      // The printer's sandbox allows one navigation: one sandbox per page.
      const sandbox: Sandbox = await openSandbox(served.origin, '/__none/', new Map());
      onTestFinished(() => sandbox.close());
      await sandbox.page.goto(served.url(scope === 'all' ? 'so-tay/' : `so-tay/${scope}/`));
      const published = entries.filter((e) => e.status === 'published' && (scope === 'all' || e.field === scope));
      const counts = await sandbox.run(countSelectors, { ROOT, S: SEL, A: ATTR });
      // Every selector of the contract is checked here, and finds what the page must hold.
      expect(Object.keys(counts).filter((k) => !k.startsWith('attr:')).sort()).toEqual(Object.keys(SEL).sort());
      expect(counts.entries).toBe(published.length);
      expect(counts.anyEntry).toBe(published.length);
      for (const one of ['cover', 'changes', 'toc', 'coverPrintDate', 'count', 'filter', 'empty']) expect(counts[one], one).toBe(1);
      for (const each of ['question', 'qr', 'entryPrintDate', 'tocEntry']) expect(counts[each], each).toBe(published.length);
      for (const some of ['fields', 'topics', 'owner', 'tocGroup', 'pageSlot']) expect(counts[some], some).toBeGreaterThan(0);
      expect(counts.tocField, 'tocField').toBe(scope === 'all' ? counts.fields : 0);
      for (const [k, n] of Object.entries(counts)) if (k.startsWith('attr:')) expect(n, k).toBe(0);
      const facts = await sandbox.run(inspectPage, { ROOT, S: SEL, A: ATTR, rootAttrs: Object.values(ROOT_ATTRS) });
      expect(facts.problems).toEqual([]);
      for (const attr of Object.values(ROOT_ATTRS)) expect(facts.root[attr], attr).toBeTruthy();
    }, 60_000);
  }
});
