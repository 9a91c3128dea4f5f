// `npm run federate:demo`: two banks on one machine. Builds ./content (or HOIDAP_CONTENT) as bank A,
// "the ministry", and tests/fixtures/federation-b (or HOIDAP_FEDERATE_DEMO_B) as bank B, "a
// province", serves B on 127.0.0.1:4392 and A on 127.0.0.1:4391 (PORT_A / PORT_B to change) with
// each site's own _headers (CSP, CORS, preflight), A's search page searching both.
import path from 'node:path';
import { PROJECT } from '../node/build-site.ts';
import { buildFederatedPair } from '../node/federated-pair.ts';

const rootA = path.resolve(process.env.HOIDAP_CONTENT ?? path.join(PROJECT, 'content'));
const rootB = path.resolve(process.env.HOIDAP_FEDERATE_DEMO_B ?? path.join(PROJECT, 'tests/fixtures/federation-b'));
const out = path.join(PROJECT, '.cache/federate-demo');
console.log(`building bank A from ${rootA} and bank B from ${rootB} …`);
const pair = await buildFederatedPair(
  { root: rootA, outDir: path.join(out, 'a'), name: 'Bộ Công Thương', port: Number(process.env.PORT_A ?? 4391) },
  { root: rootB, outDir: path.join(out, 'b'), name: 'Sở Công Thương Nghệ An', port: Number(process.env.PORT_B ?? 4392) },
  { inherit: true },
);
console.log(`\nBank B (Sở Công Thương Nghệ An): ${pair.b!.url()}`);
console.log(`Bank A (Bộ Công Thương), searching both: ${pair.a.url('tim-kiem/?q=lo%20nung%20gom')}`);
console.log('Stop B to see A degrade: run with B on its own, or press Ctrl+C to stop both.');
process.on('SIGINT', () => void pair.close().then(() => process.exit(0)));
