import fs from 'node:fs';
import path from 'node:path';

export const readPage = (outDir: string, rel: string) => fs.readFileSync(path.join(outDir, rel), 'utf8');

/** Visible text of an HTML string (tags removed, entities for & < > " decoded, whitespace collapsed). */
export function textOf(html: string): string {
  const text = html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

/** Decodes the entities Astro writes in text and attribute values (& < > " '). */
export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every href and src value in an HTML string. */
export const linksOf = (html: string) => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
