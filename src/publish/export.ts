// Builds the JSON export and the Atom feeds from site data. Pure: the endpoints only serialise.
import type { DocumentData, EntryData, FieldData, UnitData } from '../schema/index.ts';
import { EXPORT_VERSION, type EntriesExport, type ExportEntry } from '../schema/export.ts';
import { lastUpdated } from '../content/catalog.ts';
import { sortedChanges } from '../review/history.ts';
import type { LegalChange } from '../review/clock.ts';
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
    status: d.status === 'superseded' || d.status === 'withdrawn' ? d.status : 'published',
    supersededBy: d.superseded_by ?? null,
    withdrawn: d.status === 'withdrawn' ? (d.withdrawn ?? null) : null,
    withdrawnReason: d.status === 'withdrawn' ? (d.withdrawn_reason ?? null) : null,
    changes: sortedChanges(d),
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

/**
 * Characters XML 1.0 cannot carry even escaped (C0 controls other than tab/LF/CR, lone surrogates,
 * U+FFFE/U+FFFF), plus C1 controls. The content reader rejects them already; this keeps every feed
 * well-formed whatever text reaches it.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/gu;

/** Text as XML character data or a double-quoted attribute value (escaped once, never twice). */
export const escapeXml = (s: string) =>
  s
    .replace(NOT_XML, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** An attribute value: as escapeXml, and tab/newline as references (parsers turn literal ones into spaces). */
const escapeAttr = (s: string) => escapeXml(s).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');

const iso = (day: string) => `${day}T00:00:00.000Z`;

export interface FeedOptions {
  title: string;
  id: string;
  selfUrl: string;
  siteLink: string;
  updatedLabel: (e: ExportableEntry) => string;
  /** "Updated on <date>", introducing a change note in an entry's summary. */
  changeLabel: (date: string) => string;
  /** Title prefix and summary of a withdrawal notice. */
  withdrawnTitle: (question: string) => string;
  withdrawnSummary: (e: ExportableEntry) => string;
}

/**
 * When an entry last changed for feed readers: a withdrawal is dated by `withdrawn`, anything else by
 * its latest answered, reviewed or change-note date.
 */
export const feedDate = (e: ExportableEntry) => (e.data.status === 'withdrawn' && e.data.withdrawn ? e.data.withdrawn : lastUpdated(e));

/**
 * The feed summary of an entry, as text: the withdrawal notice; else the newest change note when it is
 * the latest event (the summary of changes), followed by the short answer; else the short answer and
 * when it was last reviewed.
 */
export function feedSummary(e: ExportableEntry, opts: FeedOptions): string {
  if (e.data.status === 'withdrawn') return opts.withdrawnSummary(e);
  const note = sortedChanges(e.data)[0];
  if (note && note.date === lastUpdated(e)) return `${opts.changeLabel(note.date)}: ${note.note} (${e.data.summary})`;
  return `${e.data.summary} (${opts.updatedLabel(e)})`;
}

/**
 * An Atom feed of the latest new, changed or reviewed published entries (bounded, whatever the corpus
 * size), and of withdrawals: a withdrawn entry appears once, dated by its withdrawal and titled as one,
 * so subscribers learn the answer no longer applies (GOV.UK's model); never as a current answer.
 * Written by hand rather than with a feed library: every value goes through one escaper, so the
 * feed is well-formed XML for any text (the `feed` package escaped only `&` in attributes and
 * double-escaped the feed title).
 */
export function buildAtomFeed(entries: ExportableEntry[], ctx: ExportContext, opts: FeedOptions): string {
  const latest = entries
    .filter((e) => e.data.status === 'published' || e.data.status === 'withdrawn')
    .sort((a, b) => feedDate(b).localeCompare(feedDate(a)) || (a.id < b.id ? -1 : 1))
    .slice(0, FEED_SIZE);
  const x = escapeXml;
  const a = escapeAttr;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `  <id>${x(opts.id)}</id>`,
    `  <title type="text">${x(opts.title)}</title>`,
    `  <updated>${iso(latest[0] ? feedDate(latest[0]) : ctx.today)}</updated>`,
    `  <link rel="alternate" href="${a(opts.siteLink)}"/>`,
    `  <link rel="self" href="${a(opts.selfUrl)}"/>`,
  ];
  for (const e of latest) {
    const owner = ctx.units.get(e.data.owner)?.name ?? e.data.owner;
    const url = ctx.entryUrl(e.id);
    lines.push(
      '  <entry>',
      `    <title type="html">${x(escapeHtml(e.data.status === 'withdrawn' ? opts.withdrawnTitle(e.data.question) : e.data.question))}</title>`,
      `    <id>${x(url)}</id>`,
      `    <link href="${a(url)}"/>`,
      `    <updated>${iso(feedDate(e))}</updated>`,
      `    <published>${iso(e.data.answered)}</published>`,
      `    <summary type="html">${x(escapeHtml(feedSummary(e, opts)))}</summary>`,
      `    <author><name>${x(owner)}</name></author>`,
      `    <category term="${a(e.data.field)}" label="${a(ctx.fields.get(e.data.field)?.name ?? e.data.field)}"/>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
