import type { APIRoute, GetStaticPaths } from 'astro';
import { entryFeedLabels, exportContext } from '../../data/export-context.ts';
import { loadSite } from '../../data/site.ts';
import { t } from '../../i18n/index.ts';
import { buildAtomFeed } from '../../publish/export.ts';
import { absoluteUrl, paths } from '../../publish/urls.ts';
import { siteUrl } from '../../site.config.ts';

export const getStaticPaths: GetStaticPaths = async () => (await loadSite()).fieldOrder.map((field) => ({ params: { field } }));

export const GET: APIRoute = async ({ params }) => {
  const base = import.meta.env.BASE_URL;
  const field = params.field!;
  const ctx = await exportContext(base);
  const self = absoluteUrl(siteUrl(), base, paths.feedField(field));
  const xml = buildAtomFeed([...ctx.entries.values()].filter((e) => e.data.field === field), ctx, {
    title: `${ctx.fields.get(field)!.name} | ${t.siteName}`,
    id: self,
    selfUrl: self,
    siteLink: absoluteUrl(siteUrl(), base, paths.field(field)),
    ...entryFeedLabels,
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
