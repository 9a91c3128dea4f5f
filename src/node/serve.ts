// Serves a built site on 127.0.0.1 (random port by default), mounted under its base path, for browser
// tests, benchmarks and the PDF handbook. Precompressed .gz/.br files are used when present.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface Served {
  origin: string;
  /** Absolute URL of a path under the site's base. */
  url(p?: string): string;
  close(): Promise<void>;
}

/**
 * Options: `headers` adds response headers per path and request Origin (e.g. the security and CORS
 * headers of dist/_headers). A CORS preflight (OPTIONS) on a path that grants CORS is answered 204.
 */
export async function serveSite(
  dir: string,
  base = '/',
  port = 0,
  headers?: (pathname: string, origin?: string) => Record<string, string>,
): Promise<Served> {
  const files = sirv(dir, { dev: true, etag: true, gzip: true, brotli: true, extensions: ['html'] });
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end('not under base');
      return;
    }
    const extra = headers?.(url.split('?')[0], req.headers.origin) ?? {};
    for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
    if (req.method === 'OPTIONS') {
      // Preflight: granted where the headers grant CORS, refused elsewhere.
      res.statusCode = extra['Access-Control-Allow-Origin'] ? 204 : 405;
      if (res.statusCode === 405) res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(notFoundPage(dir));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p = '') => `${origin}${base}${p.replace(/^\//, '')}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections (a browser's) would otherwise hold the port: a stopped site must be gone.
        server.closeAllConnections();
      }),
  };
}

function notFoundPage(dir: string): string {
  const file = path.join(dir, '404.html');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : 'Not found';
}
