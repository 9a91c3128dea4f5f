// What a field's pages list: its published answers grouped by topic and cut into pages
// (src/content/pagination.ts). Computed once per field per site and shared by the field's pages.
import { groupByTopic, isListed } from '../content/catalog.ts';
import { fieldPageSize, paginateGroups, topicStartPages, type ListingPage } from '../content/pagination.ts';
import { fieldHandbooksBuilt } from '../handbook/options.ts';
import type { FieldData } from '../schema/index.ts';
import { loadSite, type Site, type SiteEntry } from './site.ts';

export interface FieldListing {
  id: string;
  field: FieldData;
  /** Published answers of the field. */
  count: number;
  /** Topics in order, with their sizes and the page each starts on. */
  topics: { topic: string | undefined; count: number; page: number }[];
  pages: ListingPage<SiteEntry>[];
  /** The field's printable handbook page is built. */
  handbookPage: boolean;
}

const listings = new WeakMap<Site, Map<string, FieldListing>>();

export async function fieldListing(id: string): Promise<FieldListing> {
  const site = await loadSite();
  let bySite = listings.get(site);
  if (!bySite) listings.set(site, (bySite = new Map()));
  let listing = bySite.get(id);
  if (!listing) {
    const listed = [...site.entries.values()].filter(isListed);
    const groups = groupByTopic(listed.filter((e) => e.data.field === id));
    const pages = paginateGroups(groups, fieldPageSize());
    const starts = topicStartPages(pages);
    listing = {
      id,
      field: site.fields.get(id)!,
      count: groups.reduce((n, g) => n + g.entries.length, 0),
      topics: groups.map((g) => ({ topic: g.topic, count: g.entries.length, page: starts.get(g.topic)! })),
      pages,
      handbookPage: fieldHandbooksBuilt(listed.length),
    };
    bySite.set(id, listing);
  }
  return listing;
}
