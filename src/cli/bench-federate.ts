// `npm run bench:federate -- [queries.json]`: what federation costs. Splits the content root
// (./content or HOIDAP_CONTENT) by field into two banks of about equal size, builds the whole root as
// one site and the two halves as bank A federating bank B, and runs `npm run bench:search` (the same
// queries, the real search page in Chromium) on the single site and on bank A. Prints recall and the
// first-query cost of both; --json prints both reports.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, PROJECT } from '../node/build-site.ts';
import { buildFederatedPair } from '../node/federated-pair.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
const queryFile = path.resolve(positionals[0] ?? path.join(PROJECT, 'tests/search/queries.json'));
const root = path.resolve(process.env.HOIDAP_CONTENT ?? path.join(PROJECT, 'content'));
const out = path.join(PROJECT, '.cache/bench-federate');
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Splits `root` into two roots by field; superseded entries follow their successor; cross-bank `related` ids are dropped; no questions. */
function splitRoot(src: string, dest: string): { a: string; b: string; fields: { a: string[]; b: string[] } } {
  const a = path.join(dest, 'a');
  const b = path.join(dest, 'b');
  fs.rmSync(dest, { recursive: true, force: true });
  // Entries are split below; questions are left out (search does not read them, and they name entries
  // that may land in the other bank).
  const copied = (f: string) => {
    const rel = path.relative(src, f).split(path.sep);
    return rel[0] !== 'questions' && (!rel.includes('entries') || rel.join('/') === 'entries');
  };
  for (const r of [a, b]) fs.cpSync(src, r, { recursive: true, filter: copied });
  const files = (fs.readdirSync(path.join(src, 'entries'), { recursive: true }) as string[]).filter((f) => /\.mdx?$/.test(f));
  const read = files.map((f) => {
    const text = fs.readFileSync(path.join(src, 'entries', f), 'utf8');
    const key = (k: string) => text.match(new RegExp(`^${k}:\\s*(\\S+)\\s*$`, 'm'))?.[1];
    return { f, text, id: key('id')!, field: key('field')!, supersededBy: key('superseded_by') };
  });
  const counts = new Map<string, number>();
  for (const e of read) counts.set(e.field, (counts.get(e.field) ?? 0) + 1);
  const bankOfField = new Map<string, 'a' | 'b'>();
  const size = { a: 0, b: 0 };
  for (const [field, n] of [...counts.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))) {
    const bank = size.a <= size.b ? 'a' : 'b';
    bankOfField.set(field, bank);
    size[bank] += n;
  }
  const byId = new Map(read.map((e) => [e.id, e]));
  const bankOf = (e: (typeof read)[number], depth = 0): 'a' | 'b' =>
    e.supersededBy && byId.has(e.supersededBy) && depth < 10 ? bankOf(byId.get(e.supersededBy)!, depth + 1) : bankOfField.get(e.field)!;
  for (const e of read) {
    const bank = bankOf(e);
    const text = e.text.replace(/^related:\s*\[(.*)\]\s*$/m, (_, list: string) => {
      const kept = list.split(',').map((s) => s.trim()).filter((id) => byId.has(id) && bankOf(byId.get(id)!) === bank);
      return kept.length ? `related: [${kept.join(', ')}]` : '';
    });
    const target = path.join(bank === 'a' ? a : b, 'entries', e.f);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  const fields = { a: [...bankOfField].filter(([, k]) => k === 'a').map(([f]) => f), b: [...bankOfField].filter(([, k]) => k === 'b').map(([f]) => f) };
  return { a, b, fields };
}

function benchSearch(dist: string): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT, 'src/cli/bench-search.ts'), queryFile, '--dist', dist, '--json'], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(text)) : reject(new Error(`bench:search on ${dist} exited with ${code}`))));
  });
}

const split = splitRoot(root, path.join(out, 'roots'));
log(`bank A fields: ${split.fields.a.join(', ')}; bank B fields: ${split.fields.b.join(', ')}`);
log('building the single site …');
const single = buildSite({ root, outDir: path.join(out, 'single'), env: { SITE_BASE: '/' } });
if (single.status !== 0) throw new Error(`building the single site failed:\n${single.output}`);
log('building bank B, then bank A federating B …');
const pair = await buildFederatedPair(
  { root: split.a, outDir: path.join(out, 'bank-a'), name: 'Bank A' },
  // bench:search serves A on a port of its own: B allows any origin here.
  { root: split.b, outDir: path.join(out, 'bank-b'), name: 'Bank B', env: { HOIDAP_FEDERATE_ALLOW: '*' } },
);
try {
  log('bench:search on the single site …');
  const one = await benchSearch(single.outDir);
  log('bench:search on bank A federating bank B …');
  const two = await benchSearch(path.join(out, 'bank-a'));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ single: one, federated: two, split: split.fields }, null, 2)}\n`);
  } else {
    const f = (x: number) => x.toFixed(3);
    console.log(`\nFederation: ${one.queries} queries from ${one.queryFile}, content ${path.relative(PROJECT, root) || '.'} split by field over two banks`);
    console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`);
    console.log(`${''.padEnd(12)} recall@1  recall@3    MRR   cold KB  cold files  cold ms  warm median ms`);
    for (const [name, r] of [['one site', one], ['two banks', two]] as const) {
      console.log(
        `${name.padEnd(12)}    ${f(r.overall.recall1)}     ${f(r.overall.recall3)}  ${f(r.overall.mrr)}  ${(r.cold.bytes / 1024).toFixed(1).padStart(8)}  ${String(r.cold.files).padStart(10)}  ${String(r.cold.ms).padStart(7)}  ${String(r.warm.medianMs).padStart(14)}`,
      );
    }
    console.log(`recall@3 difference (two banks − one site): ${(two.overall.recall3 - one.overall.recall3).toFixed(3)}`);
    for (const m of two.misses as { q: string; kind: string; expect: string[]; got: string[] }[]) {
      if (!(one.misses as { q: string }[]).some((o) => o.q === m.q)) console.log(`  missed only when federated: [${m.kind}] "${m.q}" expected ${m.expect.join('|')}, got ${m.got.join(', ')}`);
    }
  }
} finally {
  await pair.close();
}
