// Two banks built from two content roots and served federated on 127.0.0.1, as a province's bank (A)
// that searches the ministry's bank (B) too: B allows A's origin (HOIDAP_FEDERATE_ALLOW), A names B
// (HOIDAP_FEDERATE). Used by `npm run federate:demo`, the federation browser test and the benchmark.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { buildSite } from './build-site.ts';
import { serveSite, type Served } from './serve.ts';
import { headersFor, parseHeadersFile } from '../publish/security-headers.ts';

export interface BankSpec {
  root: string;
  outDir: string;
  name: string;
  /** Port to serve on (0: a free one, chosen before the build since partners need the URL). */
  port?: number;
  env?: Record<string, string>;
}

export interface FederatedPair {
  a: Served;
  b: Served | undefined;
  /** Serves B again (after stopB). */
  startB(): Promise<Served>;
  stopB(): Promise<void>;
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Serves a built site with the headers of its own `_headers` (security, CORS, preflight). */
export function serveWithHeaders(dir: string, port: number): Promise<Served> {
  const rules = parseHeadersFile(fs.readFileSync(path.join(dir, '_headers'), 'utf8'));
  return serveSite(dir, '/', port, (p, origin) => headersFor(rules, p, origin));
}

/** Builds B, then A federating B, and serves both. Throws with the build output when a build fails. */
export async function buildFederatedPair(a: BankSpec, b: BankSpec, opts: { inherit?: boolean; build?: boolean } = {}): Promise<FederatedPair> {
  const portA = a.port || (await freePort());
  const portB = b.port || (await freePort());
  const originA = `http://127.0.0.1:${portA}`;
  const originB = `http://127.0.0.1:${portB}`;
  if (opts.build !== false) {
    for (const [spec, env] of [
      [b, { SITE_URL: originB, HOIDAP_BANK_NAME: b.name, HOIDAP_FEDERATE_ALLOW: originA }],
      [a, { SITE_URL: originA, HOIDAP_BANK_NAME: a.name, HOIDAP_FEDERATE: `${originB}/|${b.name}` }],
    ] as const) {
      const built = buildSite({ root: spec.root, outDir: spec.outDir, inherit: opts.inherit, env: { SITE_BASE: '/', ...env, ...spec.env } });
      if (built.status !== 0) throw new Error(`building ${spec.name} (${spec.root}) failed:\n${built.output}`);
    }
  }
  const pair: FederatedPair = {
    a: await serveWithHeaders(a.outDir, portA),
    b: await serveWithHeaders(b.outDir, portB),
    async startB() {
      pair.b ??= await serveWithHeaders(b.outDir, portB);
      return pair.b;
    },
    async stopB() {
      await pair.b?.close();
      pair.b = undefined;
    },
    async close() {
      await pair.stopB();
      await pair.a.close();
    },
  };
  return pair;
}
