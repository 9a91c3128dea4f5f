import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site.ts';
import { loadSiteQuestions } from '../../questions/site-data.ts';
import { buildQuestionsExport } from '../../questions/export.ts';
import { absoluteUrl, paths } from '../../publish/urls.ts';
import { siteUrl } from '../../site.config.ts';

export const GET: APIRoute = async () => {
  const [site, board] = await Promise.all([loadSite(), loadSiteQuestions()]);
  const base = import.meta.env.BASE_URL;
  // Only entries with a page get a URL (a draft answer is not published yet).
  const entryUrl = (id: string) => (site.entries.has(id) ? absoluteUrl(siteUrl(), base, paths.entry(id)) : null);
  return new Response(JSON.stringify(buildQuestionsExport(board, entryUrl)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
