import { loadSite } from './site.ts';
import type { ExportContext, FeedOptions } from '../publish/export.ts';
import { t } from '../i18n/index.ts';
import { formatDateVi } from '../content/dates.ts';
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

/** The Vietnamese labels every entry feed uses (all entries, per field). */
export const entryFeedLabels: Pick<FeedOptions, 'updatedLabel' | 'changeLabel' | 'withdrawnTitle' | 'withdrawnSummary'> = {
  updatedLabel: (e) => `${t.entryPage.reviewed}: ${formatDateVi(e.data.reviewed)}`,
  changeLabel: (date) => t.entryPage.changed(formatDateVi(date)),
  withdrawnTitle: (question) => `${t.review.states.withdrawn}: ${question}`,
  withdrawnSummary: (e) =>
    `${t.entryPage.withdrawnSince(formatDateVi(e.data.withdrawn!))} ${t.entryPage.withdrawnReason}: ${e.data.withdrawn_reason}`,
};
