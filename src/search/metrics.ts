// Search quality metrics over a query set: recall@1, recall@3 and mean reciprocal rank, per kind.

export interface QueryCase {
  q: string;
  /** Entry ids any of which is a right answer; empty for nonsense queries that must find nothing. */
  expect: string[];
  kind: string;
  filters?: Record<string, string>;
  note?: string;
}

export interface QueryOutcome extends QueryCase {
  results: string[];
  /** 1-based rank of the first right answer; 0 when none was found (or, for nonsense, when anything was). */
  rank: number;
}

export function rankOf(c: QueryCase, results: string[]): number {
  if (c.expect.length === 0) return results.length === 0 ? 1 : 0;
  const i = results.findIndex((id) => c.expect.includes(id));
  return i < 0 ? 0 : i + 1;
}

export interface Metrics {
  n: number;
  recall1: number;
  recall3: number;
  mrr: number;
}

export function metrics(outcomes: QueryOutcome[]): Metrics {
  const n = outcomes.length;
  if (n === 0) return { n, recall1: 0, recall3: 0, mrr: 0 };
  const within = (k: number) => outcomes.filter((o) => o.rank > 0 && o.rank <= k).length / n;
  const mrr = outcomes.reduce((s, o) => s + (o.rank > 0 ? 1 / o.rank : 0), 0) / n;
  return { n, recall1: within(1), recall3: within(3), mrr };
}

export function metricsByKind(outcomes: QueryOutcome[]): Record<string, Metrics> {
  const kinds = [...new Set(outcomes.map((o) => o.kind))].sort();
  return Object.fromEntries(kinds.map((k) => [k, metrics(outcomes.filter((o) => o.kind === k))]));
}

/** Per kind of queries that must find nothing (nonsense, off-topic): the share that showed no answer. */
export function noAnswerRates(outcomes: QueryOutcome[]): Record<string, { n: number; rate: number }> {
  const empty = outcomes.filter((o) => o.expect.length === 0);
  const kinds = [...new Set(empty.map((o) => o.kind))].sort();
  return Object.fromEntries(
    kinds.map((k) => {
      const of = empty.filter((o) => o.kind === k);
      return [k, { n: of.length, rate: of.filter((o) => o.results.length === 0).length / of.length }];
    }),
  );
}

export function parseQueryFile(text: string, file: string): QueryCase[] {
  const data = JSON.parse(text) as unknown;
  const list = Array.isArray(data) ? data : (data as { queries?: unknown }).queries;
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of queries (or { "queries": [...] })`);
  return list.map((item, i) => {
    const c = item as QueryCase;
    if (typeof c.q !== 'string' || !Array.isArray(c.expect) || typeof c.kind !== 'string') {
      throw new Error(`${file}: query ${i} needs "q" (string), "expect" (array of entry ids) and "kind" (string)`);
    }
    return c;
  });
}
