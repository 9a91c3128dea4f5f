// The content model as read from a content root: every record keeps its file so messages can name it.
import type { CalendarData, DocumentData, EntryData, FieldData, QuestionData, SynonymGroups, UnitData } from '../schema/index.ts';

export interface Sourced<T> {
  id: string;
  /** Absolute path of the source file. */
  file: string;
  data: T;
}

export interface EntryRecord extends Sourced<EntryData> {
  /** Markdown body (NFC), without the frontmatter. */
  body: string;
  /** Line where the body starts in the file (1-based), to report body problems by line. */
  bodyLine: number;
}

export interface ContentModel {
  root: string;
  fields: Map<string, Sourced<FieldData>>;
  units: Map<string, Sourced<UnitData>>;
  documents: Map<string, Sourced<DocumentData>>;
  /** Every entry that passed its schema, drafts and superseded included, in file order. */
  entries: EntryRecord[];
  synonyms: SynonymGroups;
  /**
   * Ids of files that exist but failed their schema (already reported). References to them are not
   * reported again as "does not exist".
   */
  rejectedIds: Record<'fields' | 'units' | 'documents' | 'entries', Set<string>>;
  /** Questions received (`questions/`, optional), each with its file. */
  questions: Sourced<QuestionData>[];
  /** `calendar.yaml` (optional): `file` is undefined when the root has none. */
  calendar: { file: string | undefined; data: CalendarData };
  /** True when the root carries the `.sample-content` marker: pages then show a sample-content notice. */
  isSample: boolean;
}
