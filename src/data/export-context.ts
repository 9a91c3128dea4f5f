import { loadSite } from './site.ts';
import type { ExportContext } from '../publish/export.ts';
import { absoluteUrl, paths } from '../publish/urls.ts';
import { siteUrl } from '../site.config.ts';

/** Site data in the shape the export and feed builders take. */
export async function exportContext(base: string): Promise<ExportContext & { entries: Awaited<ReturnType<typeof loadSite>>['entries'] }> {
  const site = await loadSite();
  return {
    today: site.today,
    fields: site.fields,
    units: site.units,
    documents: site.documents,
    entries: site.entries,
    siteUrl: absoluteUrl(siteUrl(), base, ''),
    entryUrl: (id) => absoluteUrl(siteUrl(), base, paths.entry(id)),
  };
}
