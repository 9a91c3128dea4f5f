import type { APIRoute } from 'astro';
import { exportContext } from '../../data/export-context.ts';
import { t } from '../../i18n/index.ts';
import { buildAtomFeed } from '../../publish/export.ts';
import { formatDateVi } from '../../content/dates.ts';
import { absoluteUrl, paths } from '../../publish/urls.ts';
import { siteUrl } from '../../site.config.ts';

export const GET: APIRoute = async () => {
  const base = import.meta.env.BASE_URL;
  const ctx = await exportContext(base);
  const xml = buildAtomFeed([...ctx.entries.values()], ctx, {
    title: t.siteName,
    id: absoluteUrl(siteUrl(), base, paths.feedAll()),
    selfUrl: absoluteUrl(siteUrl(), base, paths.feedAll()),
    siteLink: ctx.siteUrl,
    updatedLabel: (e) => `${t.entryPage.reviewed}: ${formatDateVi(e.data.reviewed)}`,
    changeLabel: (date) => t.entryPage.changed(formatDateVi(date)),
    withdrawnTitle: (question) => `${t.review.states.withdrawn}: ${question}`,
    withdrawnSummary: (e) =>
      `${t.entryPage.withdrawnSince(formatDateVi(e.data.withdrawn!))} ${t.entryPage.withdrawnReason}: ${e.data.withdrawn_reason}`,
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
