// Writes the first-stage search index (src/search/first-stage-index.ts) of the published entries under
// search/first/, next to the vocabulary, and checks it holds exactly the published entries: the same
// guarantee as the Pagefind index (never a draft, superseded or withdrawn entry).
import fs from 'node:fs';
import path from 'node:path';
import type { ContentModel } from '../content/model.ts';
import { buildDate, formatDateVi } from '../content/dates.ts';
import { reviewDue, reviewState } from '../review/clock.ts';
import { prepareSynonyms } from '../search/terms.ts';
import { buildFirstStageIndex, bucketFile, FIRST_STAGE_DIR, FIRST_STAGE_MANIFEST, shardFile, type FirstStageEntry, type FirstStageIndex } from '../search/first-stage-index.ts';

interface Logger {
  info(msg: string): void;
}

/** The builder's input for the published entries of a content model. */
export function firstStageEntries(model: ContentModel): FirstStageEntry[] {
  // The review state as the entry page shows it (src/data/site.ts, which needs Astro's runtime).
  const today = buildDate();
  const out: FirstStageEntry[] = [];
  for (const e of model.entries) {
    const d = e.data;
    if (d.status !== 'published') continue;
    const field = model.fields.get(d.field)?.data;
    // Cited documents by number only, as on the entry page's index (src/components/LegalBasis.astro).
    const documents = (d.legal_basis ?? []).map((item) => item.document ?? (item.ref ? (model.documents.get(item.ref)?.data.number ?? item.ref) : ''));
    out.push({
      id: e.id,
      question: d.question,
      aliases: d.aliases ?? [],
      summary: d.summary,
      other: [...(d.tags ?? []), ...documents].filter(Boolean),
      field: d.field,
      owner: d.owner,
      display: {
        field: field?.name ?? d.field,
        owner: model.units.get(d.owner)?.data.name ?? d.owner,
        reviewed: formatDateVi(d.reviewed),
        overdue: reviewState(reviewDue(d, field), today) === 'overdue',
      },
    });
  }
  return out;
}

export function writeFirstStageIndex(outDir: string, model: ContentModel, logger: Logger): FirstStageIndex {
  const entries = firstStageEntries(model);
  const index = buildFirstStageIndex(entries, prepareSynonyms(model.synonyms));
  const dir = path.join(outDir, FIRST_STAGE_DIR);
  fs.rmSync(dir, { recursive: true, force: true });
  const write = (file: string, data: unknown) => {
    fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    fs.writeFileSync(path.join(outDir, file), JSON.stringify(data));
  };
  index.shards.forEach((s, n) => write(shardFile(index.manifest, n), s));
  index.buckets.forEach((b, n) => write(bucketFile(index.manifest, n), b));
  write(FIRST_STAGE_MANIFEST, index.manifest);
  checkFirstStageIndex(index, new Set(entries.map((e) => e.id)));
  logger.info(`first-stage search index: ${index.manifest.docs} entries, ${index.manifest.words} words in ${index.manifest.shards} shards, ${index.buckets.length} buckets`);
  return index;
}

/** The index holds exactly the published entries, each once. */
export function checkFirstStageIndex(index: FirstStageIndex, published: ReadonlySet<string>): void {
  const ids = index.buckets.flat().map((row) => row[0]);
  const extra = ids.filter((id) => !published.has(id));
  if (extra.length) throw new Error(`first-stage index holds entries that are not published: ${extra.slice(0, 5).join(', ')}`);
  if (new Set(ids).size !== published.size || ids.length !== published.size || index.manifest.docs !== published.size) {
    throw new Error(`first-stage index holds ${ids.length} entries, expected exactly the ${published.size} published entries`);
  }
}
