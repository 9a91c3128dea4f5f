// What the pages read about questions: the board over the content root's questions and calendar,
// computed once per build at the instant of siteNow() (HOIDAP_NOW). The content guard has already
// validated the root, so this reading only has to turn it into figures.
import { contentRoot } from '../content/root.ts';
import { loadSite } from '../data/site.ts';
import { contactEmail, siteNow } from '../site.config.ts';
import type { ContentIssue } from '../content/issues.ts';
import { loadCalendar, loadQuestions } from './read.ts';
import { buildQuestionBoard, intakeUnitOf, type QuestionBoard } from './board.ts';

export interface SiteQuestions extends QuestionBoard {
  /** Per field: the unit that receives new questions (undefined: none) and the address to write to. */
  intake: Map<string, { unit: string | undefined; email: string }>;
}

let cached: Promise<SiteQuestions> | undefined;

export function loadSiteQuestions(): Promise<SiteQuestions> {
  cached ??= (async () => {
    const root = contentRoot();
    const issues: ContentIssue[] = [];
    const { questions } = loadQuestions(root, issues);
    const calendar = loadCalendar(root, issues);
    if (issues.length) throw new Error(`questions in ${root} could not be read: ${issues.map((i) => `${i.file} ${i.key} ${i.message}`).join('; ')}`);
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
