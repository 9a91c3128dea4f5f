// What the pages read about questions: the board over the content root's questions and calendar,
// computed once per build at the instant of siteNow() (HOIDAP_NOW), from the questions and calendar of
// the one content model the content guard validated (no second reader).
import { loadSite } from '../data/site.ts';
import { contactEmail, siteNow } from '../site.config.ts';
import { contentModel } from '../data/content.ts';
import { buildQuestionBoard, intakeUnitOf, type QuestionBoard } from './board.ts';

export interface SiteQuestions extends QuestionBoard {
  /** Per field: the unit that receives new questions (undefined: none) and the address to write to. */
  intake: Map<string, { unit: string | undefined; email: string }>;
}

let cached: Promise<SiteQuestions> | undefined;

export function loadSiteQuestions(): Promise<SiteQuestions> {
  cached ??= (async () => {
    const { questions, calendar } = contentModel();
    const board = buildQuestionBoard({ questions, calendar }, siteNow());
    const site = await loadSite();
    const owners = [...site.entries.values()].map((e) => e.data);
    const intake = new Map(
      [...site.fields].map(([id, f]) => {
        const unit = intakeUnitOf(id, f, owners);
        return [id, { unit, email: (unit && site.units.get(unit)?.email) || contactEmail() }];
      }),
    );
    return { ...board, intake };
  })();
  return cached;
}

/** "3 giờ", "2 ngày 4 giờ": elapsed time for readers. */
export function formatHoursVi(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} phút`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} giờ`.replace('.', ',');
  const days = Math.floor(hours / 24);
  return `${days} ngày ${Math.round(hours - days * 24)} giờ`;
}

/** dd/mm/yyyy hh:mm in Vietnam time. */
export function formatInstantVi(instant: Date): string {
  const s = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)} ${s.slice(11, 16)}`;
}
