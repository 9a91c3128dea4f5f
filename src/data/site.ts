// The one place pages read content: Astro collections flattened into the plain model of src/lib
// (references become ids). Loaded once per build and shared by every page.
import { getCollection, type CollectionEntry } from 'astro:content';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentData, EntryData, FieldData, UnitData } from '../schema/index.ts';
import { contentRoot } from '../content/root.ts';
import { buildDate } from '../content/dates.ts';
import { SAMPLE_MARKER, loadSynonyms } from '../content/load-content.ts';
import { prepareSynonyms, type PreparedSynonyms } from '../search/terms.ts';
import { legalBasisChanges, reviewDue, reviewState, type LegalChange, type ReviewState } from '../review/clock.ts';
import { compareVi, type CatalogEntry } from '../content/catalog.ts';

type Ref = { id: string } | string;
const idOf = (r: Ref) => (typeof r === 'string' ? r : r.id);

export interface SiteEntry extends CatalogEntry {
  /** Absolute path of the source file. */
  file: string;
  /** Next review date, and where the entry stands against it at build time. */
  reviewDue: string;
  state: ReviewState;
  overdue: boolean;
  /** Cited documents amended, replaced or expired since the last review. */
  legalChanges: LegalChange[];
}

export interface Site {
  today: string;
  isSample: boolean;
  fields: Map<string, FieldData>;
  units: Map<string, UnitData>;
  documents: Map<string, DocumentData>;
  /** Published, superseded and withdrawn entries (never drafts), by id. */
  entries: Map<string, SiteEntry>;
  /** Fields in home-page order (`order`, then name). */
  fieldOrder: string[];
  synonyms: PreparedSynonyms;
  /** Draft entries per owning unit (drafts have no pages). */
  draftsByOwner: Map<string, number>;
}

/** Astro entry data with references flattened to ids, in the shape the CLI tools read. */
export function flattenEntry(e: CollectionEntry<'entries'>): EntryData {
  const d = e.data as unknown as Record<string, unknown> & EntryData;
  return {
    ...d,
    field: idOf(d.field as Ref),
    owner: idOf(d.owner as Ref),
    superseded_by: d.superseded_by === undefined ? undefined : idOf(d.superseded_by as Ref),
    related: (d.related as Ref[] | undefined)?.map(idOf),
    legal_basis: d.legal_basis?.map((l) => ({ ...l, ref: l.ref === undefined ? undefined : idOf(l.ref as Ref) })),
  };
}

let cached: Promise<Site> | undefined;

export function loadSite(): Promise<Site> {
  cached ??= (async () => {
    const today = buildDate();
    const [fieldsC, unitsC, docsC, entriesC] = await Promise.all([
      getCollection('fields'),
      getCollection('units'),
      getCollection('documents'),
      getCollection('entries'),
    ]);
    const fields = new Map(fieldsC.map((f) => [f.id, f.data]));
    const units = new Map(
      unitsC.map((u) => [u.id, { ...u.data, parent: u.data.parent === undefined ? undefined : idOf(u.data.parent as Ref) } as UnitData]),
    );
    const documents = new Map(
      docsC.map((d) => [d.id, { ...d.data, replaced_by: d.data.replaced_by === undefined ? undefined : idOf(d.data.replaced_by as Ref) } as DocumentData]),
    );
    const entries = new Map<string, SiteEntry>();
    const draftsByOwner = new Map<string, number>();
    for (const e of entriesC) {
      const data = flattenEntry(e);
      if (data.status === 'draft') {
        draftsByOwner.set(data.owner, (draftsByOwner.get(data.owner) ?? 0) + 1);
        continue;
      }
      const due = reviewDue(data, fields.get(data.field));
      const state = reviewState(due, today);
      entries.set(e.id, {
        id: e.id,
        data,
        file: path.resolve(e.filePath ?? ''),
        reviewDue: due,
        state,
        overdue: state === 'overdue',
        legalChanges: legalBasisChanges(data, documents),
      });
    }
    const fieldOrder = [...fields.entries()]
      .sort(([, a], [, b]) => (a.order ?? Infinity) - (b.order ?? Infinity) || compareVi(a.name, b.name))
      .map(([id]) => id);
    const root = contentRoot();
    const synonyms = prepareSynonyms(loadSynonyms(root));
    return { today, isSample: fs.existsSync(path.join(root, SAMPLE_MARKER)), fields, units, documents, entries, fieldOrder, synonyms, draftsByOwner };
  })();
  return cached;
}
