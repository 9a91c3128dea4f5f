// Site data derived from the one content model (src/data/content.ts): the same records, reduced to their
// data, with the published entries' review state at build time. Loaded once per build and shared by every page.
import type { DocumentData, FieldData, UnitData } from '../schema/index.ts';
import type { ContentModel } from '../content/model.ts';
import { buildDate } from '../content/dates.ts';
import { legalBasisChanges, reviewDue, reviewState, type LegalChange, type ReviewState } from '../review/clock.ts';
import { compareVi, type CatalogEntry } from '../content/catalog.ts';
import { contentModel } from './content.ts';

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
  /** Draft entries per owning unit (drafts have no pages). */
  draftsByOwner: Map<string, number>;
}

const dataOf = <T>(records: Map<string, { data: T }>) => new Map([...records].map(([id, r]) => [id, r.data]));

let cached: { model: ContentModel; site: Site } | undefined;

/** The site for the current content model (recomputed only when the model changes, i.e. in dev). */
export async function loadSite(): Promise<Site> {
  const model = contentModel();
  if (cached?.model !== model) cached = { model, site: siteOf(model, buildDate()) };
  return cached.site;
}

export function siteOf(model: ContentModel, today: string): Site {
  const fields = dataOf(model.fields);
  const units = dataOf(model.units);
  const documents = dataOf(model.documents);
  const entries = new Map<string, SiteEntry>();
  const draftsByOwner = new Map<string, number>();
  for (const e of model.entries) {
    const data = e.data;
    if (data.status === 'draft') {
      draftsByOwner.set(data.owner, (draftsByOwner.get(data.owner) ?? 0) + 1);
      continue;
    }
    const due = reviewDue(data, fields.get(data.field));
    const state = reviewState(due, today);
    entries.set(e.id, {
      id: e.id,
      data,
      file: e.file,
      reviewDue: due,
      state,
      overdue: state === 'overdue',
      legalChanges: legalBasisChanges(data, documents),
    });
  }
  const fieldOrder = [...fields.entries()]
    .sort(([, a], [, b]) => (a.order ?? Infinity) - (b.order ?? Infinity) || compareVi(a.name, b.name))
    .map(([id]) => id);
  return { today, isSample: model.isSample, fields, units, documents, entries, fieldOrder, draftsByOwner };
}
