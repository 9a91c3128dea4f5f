// Entry bodies sanitised ahead on a worker thread (src/integrations/sanitize-ahead.ts) must be exactly what
// the page would have made itself, and anything the helper cannot vouch for falls back to the page.
import { afterEach, describe, expect, it } from 'vitest';
import { startSanitizeThread } from '../../src/integrations/sanitize-ahead.ts';
import { sanitizeAhead } from '../../src/content/sanitize-ahead.ts';
import { sanitizeEntryHtml } from '../../src/content/sanitize-html.ts';

const HOSTILE = [
  '<p>ok <strong>bold</strong></p>',
  '<p onclick="alert(1)">x</p><script>alert(1)</script>',
  '<a href="javascript:alert(1)">j</a><a href="https://thuvienphapluat.vn/">ok</a>',
  '<img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe>',
  '<svg><use href="#x"/></svg><math><mi>x</mi></math><style>p{}</style>',
  '<table><tr><td style="color:red">1</td></tr></table><p class="note x">n</p>',
  '<a href="&#106;avascript:alert(1)">e</a><form action="/x"><input></form>',
];

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('bodies sanitised ahead on a worker thread', () => {
  it('gives exactly what the page would have made, for every body handed over', async () => {
    stop = startSanitizeThread();
    const helper = sanitizeAhead()!;
    for (const html of HOSTILE) helper.add(html);
    helper.flush();
    for (const html of HOSTILE) expect(await helper.take(html)).toBe(sanitizeEntryHtml(html));
    // Several batches, and the same body twice.
    const many = Array.from({ length: 600 }, (_, i) => `<p>${i}<img src=x onerror=alert(${i})></p>`);
    for (const html of [...many, ...many]) helper.add(html);
    helper.flush();
    const taken = await Promise.all(many.map((html) => helper.take(html)));
    expect(taken).toEqual(many.map((html) => sanitizeEntryHtml(html)));
  });

  it('has nothing for a body it was not given: the page sanitises it', async () => {
    stop = startSanitizeThread();
    expect(await sanitizeAhead()!.take('<p>never handed over</p>')).toBeUndefined();
  });

  it('leaves every body still on its way to the page when the thread stops', async () => {
    stop = startSanitizeThread();
    const helper = sanitizeAhead()!;
    helper.add('<p>late</p>');
    helper.flush();
    const pending = helper.take('<p>late</p>');
    await stop();
    stop = undefined;
    const result = await pending;
    // Either the reply came first (and is right) or it never will: then the page does the work.
    expect([undefined, sanitizeEntryHtml('<p>late</p>')]).toContain(result);
    expect(sanitizeAhead()).toBeUndefined();
  });
});
