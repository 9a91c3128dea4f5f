// Builds the JSON export and the Atom feeds from site data. Pure: the endpoints only serialise.
import { Feed } from 'feed';
import type { DocumentData, EntryData, FieldData, UnitData } from '../schema/index.ts';
import { EXPORT_VERSION, type EntriesExport, type ExportEntry } from '../schema/export.ts';
import { lastUpdated } from './catalog.ts';
import type { LegalChange } from './review.ts';
import { escapeHtml } from './escape-html.ts';

export interface ExportableEntry {
  id: string;
  data: EntryData;
  reviewDue: string;
  overdue: boolean;
  legalChanges: LegalChange[];
}

export interface ExportContext {
  today: string;
  fields: Map<string, FieldData>;
  units: Map<string, UnitData>;
  documents: Map<string, DocumentData>;
  /** Absolute URL of an entry page. */
  entryUrl: (id: string) => string;
  siteUrl: string;
}

export function toExportEntry(e: ExportableEntry, ctx: ExportContext): ExportEntry {
  const d = e.data;
  return {
    id: e.id,
    url: ctx.entryUrl(e.id),
    question: d.question,
    summary: d.summary,
    field: d.field,
    fieldName: ctx.fields.get(d.field)?.name ?? d.field,
    owner: d.owner,
    ownerName: ctx.units.get(d.owner)?.name ?? d.owner,
    levels: d.levels,
    topic: d.topic ?? null,
    answered: d.answered,
    reviewed: d.reviewed,
    reviewDue: e.reviewDue,
    overdue: e.overdue,
    status: d.status === 'superseded' ? 'superseded' : 'published',
    supersededBy: d.superseded_by ?? null,
    legalBasisChanged: e.legalChanges,
    legalBasis: (d.legal_basis ?? []).map((l) => ({
      document: l.document ?? (l.ref ? (ctx.documents.get(l.ref)?.number ?? null) : null),
      ref: l.ref ?? null,
      article: l.article ?? null,
      url: l.url ?? null,
    })),
    tags: d.tags ?? [],
  };
}

/** Every non-draft entry, sorted by id so the file diffs well between builds. */
export function buildExport(entries: ExportableEntry[], ctx: ExportContext): EntriesExport {
  const list = entries
    .filter((e) => e.data.status !== 'draft')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => toExportEntry(e, ctx));
  return { version: EXPORT_VERSION, generated: ctx.today, site: ctx.siteUrl, count: list.length, entries: list };
}

export const FEED_SIZE = 100;

// Atom declares titles and summaries as HTML: escapeHtml so readers show the text, never run it.

export interface FeedOptions {
  title: string;
  id: string;
  selfUrl: string;
  siteLink: string;
  updatedLabel: (e: ExportableEntry) => string;
}

/** An Atom feed of the latest new or reviewed published entries (bounded, whatever the corpus size). */
export function buildAtomFeed(entries: ExportableEntry[], ctx: ExportContext, opts: FeedOptions): string {
  const latest = entries
    .filter((e) => e.data.status === 'published')
    .sort((a, b) => lastUpdated(b).localeCompare(lastUpdated(a)) || (a.id < b.id ? -1 : 1))
    .slice(0, FEED_SIZE);
  const feed = new Feed({
    title: escapeHtml(opts.title),
    id: opts.id,
    link: opts.siteLink,
    language: 'vi',
    updated: new Date(`${latest[0] ? lastUpdated(latest[0]) : ctx.today}T00:00:00Z`),
    feedLinks: { atom: opts.selfUrl },
    generator: false,
  });
  for (const e of latest) {
    const owner = ctx.units.get(e.data.owner)?.name ?? e.data.owner;
    feed.addItem({
      title: escapeHtml(e.data.question),
      id: ctx.entryUrl(e.id),
      link: ctx.entryUrl(e.id),
      date: new Date(`${lastUpdated(e)}T00:00:00Z`),
      published: new Date(`${e.data.answered}T00:00:00Z`),
      description: escapeHtml(`${e.data.summary} (${opts.updatedLabel(e)})`),
      author: [{ name: owner }],
      category: [{ name: ctx.fields.get(e.data.field)?.name ?? e.data.field, term: e.data.field }],
    });
  }
  return feed.atom1();
}
