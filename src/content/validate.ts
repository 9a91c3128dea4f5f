// Rules of the content contract that span files: references, duplicate ids, dates against the build
// date, superseded chains. Pure: takes the model read by load-content.ts.
import fs from 'node:fs';
import { normaliseText } from './files.ts';
import { lineOfKey, type ContentIssue } from './issues.ts';
import type { ContentModel, EntryRecord } from './model.ts';

/** Line of a top-level key, read from disk only when there is something to report. */
function lineOf(file: string, key: string): number | undefined {
  try {
    // Same normalisation as the reader (BOM, CRLF), so the line matches what the reader parsed.
    return lineOfKey(normaliseText(fs.readFileSync(file, 'utf8')), key);
  } catch {
    return undefined;
  }
}

export interface ValidateOptions {
  /** The build date, YYYY-MM-DD: `answered`/`reviewed` after it are errors. */
  today: string;
}

/** Cross-file rules. Returns errors (fail the build) only; advisory checks live in review.ts. */
export function validateModel(model: ContentModel, { today }: ValidateOptions): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const rejected = model.rejectedIds;
  const err = (record: { file: string }, key: string, message: string) =>
    issues.push({ severity: 'error', file: record.file, key, message, line: lineOf(record.file, key) });

  for (const unit of model.units.values()) {
    if (unit.data.parent !== undefined && !model.units.has(unit.data.parent) && !rejected.units.has(unit.data.parent)) {
      err(unit, 'parent', `names unit "${unit.data.parent}", which does not exist in units/`);
    }
  }
  for (const doc of model.documents.values()) {
    if (doc.data.replaced_by !== undefined && !model.documents.has(doc.data.replaced_by) && !rejected.documents.has(doc.data.replaced_by)) {
      err(doc, 'replaced_by', `names document "${doc.data.replaced_by}", which does not exist in documents/`);
    }
  }

  const byId = new Map<string, EntryRecord>();
  for (const entry of model.entries) {
    const first = byId.get(entry.id);
    if (first) {
      err(entry, 'id', `duplicate entry id "${entry.id}" (also used by ${first.file})`);
    } else {
      byId.set(entry.id, entry);
    }
  }

  for (const entry of model.entries) {
    const d = entry.data;
    const entryExists = (id: string) => byId.has(id) || rejected.entries.has(id);
    if (!model.fields.has(d.field) && !rejected.fields.has(d.field)) err(entry, 'field', `names field "${d.field}", which does not exist in fields/`);
    if (!model.units.has(d.owner) && !rejected.units.has(d.owner)) err(entry, 'owner', `names unit "${d.owner}", which does not exist in units/`);
    d.related?.forEach((id, i) => {
      if (!entryExists(id)) err(entry, `related[${i}]`, `names entry "${id}", which does not exist`);
    });
    d.legal_basis?.forEach((item, i) => {
      if (item.ref !== undefined && !model.documents.has(item.ref) && !rejected.documents.has(item.ref)) {
        err(entry, `legal_basis[${i}].ref`, `names document "${item.ref}", which does not exist in documents/`);
      }
    });
    for (const key of ['answered', 'reviewed'] as const) {
      if (d[key] > today) err(entry, key, `is in the future (${d[key]}, build date ${today})`);
    }
    if (d.withdrawn !== undefined && d.withdrawn > today) err(entry, 'withdrawn', `is in the future (${d.withdrawn}, build date ${today})`);
    d.changes?.forEach((c, i) => {
      if (c.date > today) err(entry, `changes[${i}].date`, `is in the future (${c.date}, build date ${today}): a change note records a change already made`);
    });
    if (d.superseded_by !== undefined) {
      if (!entryExists(d.superseded_by)) {
        err(entry, 'superseded_by', `names entry "${d.superseded_by}", which does not exist`);
      } else if (d.status === 'superseded' && byId.has(d.superseded_by)) {
        const loop = supersededLoop(entry.id, byId);
        if (loop) err(entry, 'superseded_by', `superseded_by chain loops: ${loop.join(' → ')}`);
      }
    }
  }
  return issues;
}

/** The loop reached by following superseded_by from `start`, or undefined when the chain ends. */
function supersededLoop(start: string, byId: Map<string, EntryRecord>): string[] | undefined {
  const seen: string[] = [];
  let current: string | undefined = start;
  while (current !== undefined) {
    const at = seen.indexOf(current);
    if (at >= 0) return [...seen.slice(at), current];
    seen.push(current);
    current = byId.get(current)?.data.superseded_by;
  }
  return undefined;
}
