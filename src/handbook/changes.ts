// What the cover and the change page of a filtered handbook say (--level, --since). Pure.
import { t } from '../i18n/index.ts';
import { handbookVi as hb } from '../i18n/handbook-vi.ts';
import { formatDateVi } from '../content/dates.ts';
import { changeList, entryAnchor, notesSince, type HandbookFilter } from './model.ts';
import type { HandbookData, PrintedEntry } from './build-data.ts';
import type { ChangeItemView, ChangesView } from './page-script.ts';

export interface ChangePage {
  view: ChangesView;
  counts: { added: number; changed: number; superseded: number };
}

/** The change page of a `--since` handbook; `inDoc` holds the ids the handbook prints. */
export function changePage(data: HandbookData, filter: HandbookFilter & { since: string }, inDoc: Set<string>): ChangePage {
  const list = changeList([...data.published.values()], data.superseded, filter);
  const view = (e: PrintedEntry, note: string): ChangeItemView => ({ text: e.question, note, target: entryAnchor(e.id) });
  return {
    counts: { added: list.added.length, changed: list.changed.length, superseded: list.superseded.length },
    view: {
      title: hb.changes.title(formatDateVi(filter.since)),
      none: hb.changes.none,
      replacedBy: hb.changes.replacedBy,
      groups: [
        { heading: hb.changes.added, items: list.added.map((e) => view(e, hb.changes.answeredOn(formatDateVi(e.answered)))) },
        {
          heading: hb.changes.changed,
          // The change notes after the date say what changed; without one, the entry was only reviewed.
          items: list.changed.map((e) => {
            const notes = notesSince(e, filter.since);
            return view(e, notes.length ? notes.map((n) => hb.changes.changedOn(formatDateVi(n.date), n.note)).join('; ') : hb.changes.reviewedOn(formatDateVi(e.reviewed)));
          }),
        },
        {
          heading: hb.changes.superseded,
          items: list.superseded.map((s) => ({
            text: s.question,
            note: '',
            replacedBy: {
              text: s.successorQuestion ?? s.successor,
              target: inDoc.has(s.successor) ? entryAnchor(s.successor) : undefined,
              href: inDoc.has(s.successor) ? undefined : s.successorUrl,
            },
          })),
        },
      ],
    },
  };
}

/** The filter line of the cover and the short one of the page header. */
export function filterLines(filter: HandbookFilter): { cover: string | null; header: string[] } {
  const levelLabel = filter.level ? `${hb.level}: ${t.levels[filter.level]}` : '';
  const cover = [levelLabel, filter.since ? hb.sinceFilter(formatDateVi(filter.since)) : ''].filter(Boolean);
  const header = [levelLabel, filter.since ? hb.sinceShort(formatDateVi(filter.since)) : ''].filter(Boolean);
  return { cover: cover.length ? cover.join(' · ') : null, header };
}
