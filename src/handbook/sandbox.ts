// The Chromium page the handbook is printed in, locked down: the handbook's content is editors' text,
// so the printer treats the page as hostile.
//   - JavaScript is disabled in the browser context: no script of the page runs, whatever got in.
//   - Every request that is not to the local server is aborted (route interception), and Chromium
//     resolves no host name (host-resolver rules, no DNS prefetch): nothing leaves the build machine.
//   - The local server sends the site's own security headers (src/publish/security-headers.ts).
//   - The printer's own script runs in an isolated world (see page-script.ts).
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS } from '../node/browser.ts';
import { fail } from './errors.ts';

/** No name resolution at all (the local server is reached by its IP), no speculative connections. */
export const SANDBOX_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--dns-prefetch-disable', '--disable-features=NetworkPrediction'];

export interface PrinterFile {
  type: string;
  body: Buffer;
}

export interface Sandbox {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** URLs the page asked for that were not on the local server (all aborted). */
  blocked: string[];
  /** Runs one of the printer's own functions in an isolated world of the current document. */
  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
  close(): Promise<void>;
}

/**
 * Opens a locked-down page. `origin` is the local server's; requests under `printerPath` are answered
 * with `files` (the printer's own stylesheet and fonts).
 */
export async function openSandbox(origin: string, printerPath: string, files: Map<string, PrinterFile>): Promise<Sandbox> {
  if (!fs.existsSync(CHROMIUM)) fail(`Chromium not found at ${CHROMIUM}. Install Debian's package: apt-get install -y chromium`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...SANDBOX_ARGS] });
  const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false });
  const blocked: string[] = [];
  let navigations = 0;
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    // One navigation: the handbook itself. A <meta http-equiv="refresh">, a frame or a form in the
    // content must not replace or add a document, even on the site's own origin. Such a navigation
    // is answered "204 No Content", which leaves the current document in place (an aborted one
    // would replace the handbook with an error page).
    if (request.isNavigationRequest() && navigations++ > 0) {
      blocked.push(url.href);
      return route.fulfill({ status: 204, body: '' });
    }
    if (url.origin !== origin) {
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    }
    if (url.pathname.startsWith(printerPath)) {
      const file = files.get(url.pathname.slice(printerPath.length));
      return file ? route.fulfill({ status: 200, contentType: file.type, body: file.body, headers: { 'cache-control': 'public, max-age=31536000, immutable' } }) : route.fulfill({ status: 404, body: '' });
    }
    return route.continue();
  });
  const page = await context.newPage();
  // A large handbook takes minutes to load and print.
  page.setDefaultTimeout(0);
  let cdp: CDPSession | undefined;
  let world: number | undefined;
  let worldOf: string | undefined;
  const run = async <A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>> => {
    cdp ??= await context.newCDPSession(page);
    const { frameTree } = await cdp.send('Page.getFrameTree');
    // A world belongs to one document: create it again after a navigation.
    if (world === undefined || worldOf !== frameTree.frame.loaderId) {
      world = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'hoidap-handbook-printer' })).executionContextId;
      worldOf = frameTree.frame.loaderId;
    }
    const res = await cdp.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
      contextId: world,
      awaitPromise: true,
      returnByValue: true,
    });
    if (res.exceptionDetails) {
      return fail(`the printer's script failed in the page: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
    }
    return res.result.value as Awaited<R>;
  };
  return { browser, context, page, blocked, run, close: () => browser.close() };
}
