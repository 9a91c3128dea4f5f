import type { APIRoute } from 'astro';
import { entryFeedLabels, exportContext } from '../../data/export-context.ts';
import { t } from '../../i18n/index.ts';
import { buildAtomFeed } from '../../publish/export.ts';
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
    ...entryFeedLabels,
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
