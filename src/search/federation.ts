// Federation settings and the pure logic the search page needs to search several banks at once.
// Shared by the build (config, headers) and the browser: no node: imports here.
//
// HOIDAP_FEDERATE  = "https://moit.example/hoi-dap/|Bộ Công Thương,https://congthuong.nghean.example/"
//   other sites built by this project whose Pagefind indexes the search page merges with its own.
// HOIDAP_FEDERATE_ALLOW = "https://a.example,https://b.example" or "*"
//   origins allowed to read this site's pagefind/ and data/ files cross-origin (CORS).
import type { VocabularyData as SearchVocabularyData } from './vocabulary.ts';

export interface Partner {
  /** Absolute base URL of the partner site, ending with "/". */
  base: string;
  /** Its origin, for connect-src and CORS. */
  origin: string;
  /** Label set in HOIDAP_FEDERATE; empty when the partner's own site.json name is to be used. */
  label: string;
}

/** What every site publishes at data/site.json so partners can label its results and filters. */
export interface SiteInfo {
  name: string;
  baseUrl: string;
  fields: { id: string; name: string }[];
  units: { id: string; name: string; level: string }[];
  builtAt: string;
  contentVersion: string;
  /** The folders of its Pagefind index, one per shard (src/search/shards.ts); absent before shards. */
  searchShards?: string[];
}

/**
 * What every site publishes at data/vocabulary.json: its search vocabulary (the same statistics as its
 * own search/vocabulary.json) and its synonym groups.
 */
export interface VocabularyData extends SearchVocabularyData {
  synonyms: string[][];
}

export const SITE_INFO_FILE = 'data/site.json';
export const VOCABULARY_DATA_FILE = 'data/vocabulary.json';
/** Partners' results rank just below local ones of equal relevance. */
export const PARTNER_INDEX_WEIGHT = 0.9;

const ORIGIN = /^https?:\/\/[^/?#\s]+$/;

const SHARD_DIR = /^pagefind\/(?:shard-\d{1,4}\/)?$/;

/**
 * The index folders to merge for a partner: what its site.json lists, kept to the shard folders this
 * project writes (a partner's file cannot point the merge elsewhere), or its single index.
 */
export function partnerShardDirs(info: SiteInfo | undefined): string[] {
  const dirs = Array.isArray(info?.searchShards) ? info.searchShards.filter((d) => typeof d === 'string' && SHARD_DIR.test(d)) : [];
  return dirs.includes('pagefind/') ? [...new Set(dirs)] : ['pagefind/'];
}

/** Parses HOIDAP_FEDERATE; throws an error naming the variable and the bad item. */
export function parseFederate(raw: string | undefined, name = 'HOIDAP_FEDERATE'): Partner[] {
  const text = raw?.trim() ?? '';
  if (!text) return [];
  const partners: Partner[] = [];
  text.split(',').forEach((item, i) => {
    const where = `${name}, item ${i + 1} ("${item.trim()}")`;
    const bar = item.indexOf('|');
    const urlText = (bar < 0 ? item : item.slice(0, bar)).trim();
    const label = bar < 0 ? '' : item.slice(bar + 1).trim();
    if (!urlText) throw new Error(`${where}: empty base URL (expected e.g. https://moit.example/hoi-dap/|Bộ Công Thương)`);
    if (bar >= 0 && !label) throw new Error(`${where}: empty label after "|"`);
    if (/[<>"]/.test(label)) throw new Error(`${where}: the label may not contain < > or "`);
    let url: URL;
    try {
      url = new URL(urlText);
    } catch {
      throw new Error(`${where}: "${urlText}" is not an absolute URL (expected e.g. https://moit.example/hoi-dap/)`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${where}: the base URL must be http(s), not ${url.protocol}`);
    if (url.username || url.password) throw new Error(`${where}: the base URL may not carry credentials`);
    if (url.search || url.hash) throw new Error(`${where}: the base URL may not have a query or fragment`);
    const base = `${url.origin}${url.pathname.replace(/\/*$/, '/')}`;
    if (partners.some((p) => p.base === base)) throw new Error(`${where}: ${base} is listed twice`);
    partners.push({ base, origin: url.origin, label });
  });
  return partners;
}

/** Parses HOIDAP_FEDERATE_ALLOW: "*" or a list of origins (scheme://host[:port], no path). */
export function parseFederateAllow(raw: string | undefined, name = 'HOIDAP_FEDERATE_ALLOW'): '*' | string[] {
  const text = raw?.trim() ?? '';
  if (!text) return [];
  if (text === '*') return '*';
  const origins: string[] = [];
  for (const [i, item] of text.split(',').map((s) => s.trim()).entries()) {
    const where = `${name}, item ${i + 1} ("${item}")`;
    if (item === '*') throw new Error(`${where}: "*" must stand alone`);
    if (!ORIGIN.test(item.replace(/\/$/, ''))) throw new Error(`${where}: expected an origin such as https://moit.example (scheme and host, no path)`);
    const origin = new URL(item).origin;
    if (!origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

/** The partner a result URL belongs to, or undefined for a local result. */
export function partnerOf(url: string, partners: Partner[]): Partner | undefined {
  return partners.find((p) => url.startsWith(p.base));
}

/** The label shown for a partner: the configured one, else its own published name, else its host. */
export function partnerLabel(partner: Partner, info?: SiteInfo): string {
  return partner.label || info?.name?.trim() || new URL(partner.base).host;
}

/** Filter options another bank adds: values this site does not know, named with that bank's labels. */
export function extraFilterOptions(
  known: Record<'field' | 'owner' | 'level', Set<string>>,
  infos: { label: string; info: SiteInfo }[],
): Record<'field' | 'owner', { value: string; text: string }[]> {
  const out: Record<'field' | 'owner', { value: string; text: string }[]> = { field: [], owner: [] };
  const seen = { field: new Set(known.field), owner: new Set(known.owner) };
  for (const { label, info } of infos) {
    for (const f of Array.isArray(info.fields) ? info.fields : []) {
      if (typeof f?.id !== 'string' || typeof f.name !== 'string' || seen.field.has(f.id)) continue;
      seen.field.add(f.id);
      out.field.push({ value: f.id, text: `${f.name} (${label})` });
    }
    for (const u of Array.isArray(info.units) ? info.units : []) {
      if (typeof u?.id !== 'string' || typeof u.name !== 'string' || seen.owner.has(u.id)) continue;
      seen.owner.add(u.id);
      out.owner.push({ value: u.id, text: `${u.name} (${label})` });
    }
  }
  return out;
}
