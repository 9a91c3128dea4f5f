// Search quality over a query file with the Node harness (same code as the page).
import fs from 'node:fs';
import { metrics, metricsByKind, parseQueryFile, rankOf, type QueryOutcome } from '../../src/search/metrics.ts';
import { nodeSearch } from './pagefind-node.ts';

export async function relevanceReport(outDir: string, queryFile: string, stages: 'full' | 'two' = 'full') {
  const cases = parseQueryFile(fs.readFileSync(queryFile, 'utf8'), queryFile);
  const search = await nodeSearch(outDir, stages);
  const outcomes: (QueryOutcome & { stage?: string })[] = [];
  for (const c of cases) {
    const results = (await search.ids(c.q, c.filters)).slice(0, 10);
    outcomes.push({ ...c, results, rank: rankOf(c, results), stage: search.lastStage?.stage });
  }
  return { overall: metrics(outcomes), byKind: metricsByKind(outcomes), outcomes };
}
