// Text helpers of the importer: spreadsheet cell text → Markdown, Markdown → plain text, the default
// summary (first sentences of the answer, at most 400 characters, cut at a word boundary).
import { SUMMARY_MAX } from '../schema/entry.ts';
import { oneLine } from './values.ts';

const BULLET_LINE = /^\s*[-–—•*+●○▪►✓]\s*(.*)$/u;
const NUMBERED_LINE = /^\s*(\d{1,3})[.)]\s+(.*)$/;

/**
 * Multi-line cell text → Markdown that keeps every line: bullet lines ("-", "•", "+") become a list,
 * "1." / "1)" lines a numbered list, every other line its own paragraph.
 */
export function cellTextToMarkdown(text: string): string {
  const blocks: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) blocks.push(list.join('\n'));
    list = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const bullet = BULLET_LINE.exec(line);
    const numbered = NUMBERED_LINE.exec(line);
    if (bullet && bullet[1]) list.push(`- ${bullet[1].trim()}`);
    else if (numbered) list.push(`${numbered[1]}. ${numbered[2].trim()}`);
    else {
      flush();
      blocks.push(line);
    }
  }
  flush();
  return blocks.join('\n\n');
}

/** Inline Markdown → plain text: links keep their text, emphasis and escapes are removed. */
export function inlinePlain(md: string): string {
  return md
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/(?<!\\)(\*\*|__)/g, '')
    .replace(/(^|[^\\\p{L}\p{N}])[*_](?=\S)(.*?\S)[*_](?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/`/g, '');
}

/** Cells of a Markdown table row, unescaped pipes kept inside cells. */
function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/<br\s*\/?>/gi, ' ').trim());
}

/** A GFM table as list items: "first cell (Header 2: cell 2; Header 3: cell 3)" per body row. */
function tableItems(lines: string[]): string[] {
  const rows = lines.filter((l) => !/^\s*\|?\s*:?-{2,}/.test(l)).map(tableCells);
  const [head, ...body] = rows;
  if (!head || !body.length) return [];
  return body.map((cells) => {
    const rest = cells.slice(1).map((c, i) => (c ? `${head[i + 1] ? `${head[i + 1]}: ` : ''}${c}` : '')).filter(Boolean);
    return rest.length ? `${cells[0]} (${rest.join('; ')})` : cells[0];
  });
}

/**
 * Markdown → plain paragraphs for the default summary. List items and table rows are joined with "; "
 * onto the paragraph that introduces them (when it ends with ":").
 */
export function markdownParagraphs(md: string): string[] {
  const out: string[] = [];
  for (const block of md.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    const isTable = lines.every((l) => /^\s*\|/.test(l));
    const items = isTable ? tableItems(lines) : lines.map((l) => /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(l)?.[1]);
    if (items.every((i) => i !== undefined)) {
      const joined = items.map((i) => inlinePlain(i!).trim().replace(/[.;,]+$/, '')).filter(Boolean).join('; ');
      if (!joined) continue;
      const prev = out.length ? out[out.length - 1] : undefined;
      if (prev !== undefined && prev.endsWith(':')) out[out.length - 1] = `${prev} ${joined}.`;
      else out.push(`${joined}.`);
      continue;
    }
    const text = oneLine(inlinePlain(lines.map((l) => l.replace(/^\s*#{1,6}\s+/, '').replace(/^\s*>\s?/, '')).join(' ')));
    if (text) out.push(text);
  }
  return out;
}

/** Cuts text to at most `max` characters at a word boundary, ending with "…" when cut. */
export function truncateAtWord(text: string, max = SUMMARY_MAX): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const cut = head.replace(/\s+\S*$/, '');
  return `${(cut.length > max / 2 ? cut : head).replace(/[\s,;:–—-]+$/, '')}…`;
}

/** Splits a paragraph into sentences (a break needs ". " followed by a capital letter or digit). */
export function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?…])\s+(?=[\p{Lu}\p{N}"“(])/u).filter(Boolean);
}

/** Soft length of a generated summary: sentences are added while the summary is shorter than this. */
const SUMMARY_TARGET = 200;

/** The default summary: the first sentence(s) of the answer, ≤ 400 characters, cut at a word boundary. */
export function defaultSummary(markdown: string): string {
  let summary = '';
  for (const sentence of markdownParagraphs(markdown).flatMap(sentences)) {
    const next = summary ? `${summary} ${sentence}` : sentence;
    if (summary && [...next].length > SUMMARY_MAX) break;
    summary = next;
    if ([...summary].length >= SUMMARY_TARGET) break;
  }
  return truncateAtWord(summary);
}
