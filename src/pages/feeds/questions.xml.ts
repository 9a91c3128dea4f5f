import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site.ts';
import { formatHoursVi, loadSiteQuestions } from '../../questions/site-data.ts';
import { buildQuestionsFeed } from '../../questions/export.ts';
import { t } from '../../i18n/index.ts';
import { absoluteUrl, paths } from '../../publish/urls.ts';
import { siteUrl } from '../../site.config.ts';

export const GET: APIRoute = async () => {
  const [site, board] = await Promise.all([loadSite(), loadSiteQuestions()]);
  const base = import.meta.env.BASE_URL;
  const self = absoluteUrl(siteUrl(), base, paths.feedQuestions());
  const xml = buildQuestionsFeed(board, {
    title: `${t.siteName}: ${t.questions.feedTitle}`,
    id: self,
    selfUrl: self,
    siteLink: absoluteUrl(siteUrl(), base, paths.waiting()),
    entryUrl: (id) => absoluteUrl(siteUrl(), base, paths.entry(id)),
    hasEntry: (id) => site.entries.has(id),
    unitName: (id) => site.units.get(id)?.name ?? id,
    summary: (q) => t.questions.feedEntry(q.data.asked_by, formatHoursVi(q.answerHours ?? 0)),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
