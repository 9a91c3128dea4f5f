// Advisory checks for owners, run by `npm run check`: review clock, legal basis changes, missing
// legal basis, near-duplicate questions, related links readers cannot follow, units owning nothing.
// All are warnings (errors only with --strict).
import type { ContentIssue } from '../content/issues.ts';
import type { ContentModel } from '../content/model.ts';
import { findNearDuplicates, DEFAULT_SIMILARITY, type DuplicatePair } from './duplicates.ts';
import { legalBasisChanges, reviewDue, reviewState, type LegalChange, type ReviewState } from './clock.ts';

export interface ReviewItem {
  id: string;
  file: string;
  reviewed: string;
  due: string;
  state: Exclude<ReviewState, 'ok'>;
}

export interface OwnerReport {
  owner: string;
  overdue: ReviewItem[];
  dueSoon: ReviewItem[];
  legalChanged: { id: string; file: string; documents: LegalChange[] }[];
}

export interface ReviewReport {
  owners: OwnerReport[];
  noLegalBasis: string[];
  duplicates: DuplicatePair[];
  warnings: ContentIssue[];
}

export function reviewReport(model: ContentModel, today: string, threshold = DEFAULT_SIMILARITY): ReviewReport {
  const warnings: ContentIssue[] = [];
  const warn = (file: string, key: string, message: string) => warnings.push({ severity: 'warning', file, key, message });
  const owners = new Map<string, OwnerReport>();
  const ownerReport = (owner: string) => {
    let r = owners.get(owner);
    if (!r) owners.set(owner, (r = { owner, overdue: [], dueSoon: [], legalChanged: [] }));
    return r;
  };
  const published = model.entries.filter((e) => e.data.status === 'published');
  const byId = new Map(model.entries.map((e) => [e.id, e]));
  const documents = new Map([...model.documents].map(([id, d]) => [id, d.data]));

  for (const e of published) {
    const due = reviewDue(e.data, model.fields.get(e.data.field)?.data);
    const state = reviewState(due, today);
    if (state !== 'ok') {
      const item: ReviewItem = { id: e.id, file: e.file, reviewed: e.data.reviewed, due, state };
      ownerReport(e.data.owner)[state === 'overdue' ? 'overdue' : 'dueSoon'].push(item);
      warn(e.file, 'reviewed', state === 'overdue' ? `review overdue since ${due} (owner ${e.data.owner})` : `review due on ${due} (owner ${e.data.owner})`);
    }
    const changes = legalBasisChanges(e.data, documents);
    if (changes.length) {
      ownerReport(e.data.owner).legalChanged.push({ id: e.id, file: e.file, documents: changes });
      for (const c of changes) warn(e.file, 'legal_basis', `needs review: legal basis changed: ${c.number} ${c.status} on ${c.changed}, after the last review (${e.data.reviewed})`);
    }
    if (!e.data.legal_basis?.length) warn(e.file, 'legal_basis', 'published entry without a legal basis');
  }

  for (const e of model.entries) {
    const successor = e.data.superseded_by === undefined ? undefined : byId.get(e.data.superseded_by);
    if (e.data.status === 'superseded' && successor && successor.data.status === 'draft') {
      warn(e.file, 'superseded_by', `names "${successor.id}", which is a draft: readers of this entry get no link to a current answer`);
    }
    if (successor && successor.data.status === 'withdrawn' && e.data.status !== 'draft') {
      warn(e.file, 'superseded_by', `names "${successor.id}", which is withdrawn (${successor.data.withdrawn}): readers are sent to an answer that no longer applies`);
    }
    e.data.related?.forEach((id, i) => {
      const target = byId.get(id);
      if (target && target.data.status === 'withdrawn' && e.data.status !== 'draft') {
        warn(e.file, `related[${i}]`, `links to "${id}", which is withdrawn (${target.data.withdrawn}): remove the link or point to a current answer`);
      } else if (target && target.data.status !== 'published' && e.data.status === 'published') {
        warn(e.file, `related[${i}]`, `links to "${id}", which is ${target.data.status}: readers will not see it in the related list`);
      }
    });
  }

  const owning = new Set(model.entries.map((e) => e.data.owner));
  const parents = new Set([...model.units.values()].map((u) => u.data.parent).filter(Boolean));
  for (const unit of model.units.values()) {
    if (!owning.has(unit.id) && !parents.has(unit.id)) warn(unit.file, '', `orphan unit: owns no entry and is no unit's parent`);
  }

  const duplicates = findNearDuplicates(
    model.entries.filter((e) => e.data.status !== 'superseded' && e.data.status !== 'withdrawn').map((e) => ({ id: e.id, text: e.data.question })),
    threshold,
  );
  const fileOf = new Map(model.entries.map((e) => [e.id, e.file]));
  for (const d of duplicates) warn(fileOf.get(d.b)!, 'question', `near-duplicate of "${d.a}" (similarity ${d.score})`);

  return {
    owners: [...owners.values()].sort((a, b) => a.owner.localeCompare(b.owner)),
    noLegalBasis: published.filter((e) => !e.data.legal_basis?.length).map((e) => e.id),
    duplicates,
    warnings,
  };
}
