// One line of "Căn cứ pháp lý" → a legal basis item: "Điều 22 khoản 3 Nghị định 62/2025/NĐ-CP" →
// { document: "Nghị định 62/2025/NĐ-CP", article: "Điều 22 khoản 3" }. A document number found in the
// content root's register (documents/) also sets `ref`, so the entry follows that document's status.
import type { DocumentData, LegalBasisItem } from '../schema/index.ts';
import { fold } from '../search/fold.ts';
import { oneLine, stripListMarker } from './values.ts';

/** Kinds of legal documents, as they start a citation (capitalised, so "pháp luật" is not "Luật"). */
const DOC_KINDS = [
  'Hiến pháp', 'Bộ luật', 'Luật', 'Pháp lệnh', 'Nghị quyết liên tịch', 'Nghị quyết', 'Nghị định', 'Thông tư liên tịch',
  'Thông tư', 'Quyết định', 'Chỉ thị', 'Công văn', 'Văn bản hợp nhất', 'Kế hoạch', 'Hướng dẫn', 'Công điện',
];
const kindAlternatives = DOC_KINDS.flatMap((k) => [k, k.toUpperCase()])
  .sort((a, b) => b.length - a.length)
  .join('|');
/** A document kind at a word start. */
const DOC_KIND = new RegExp(`(?<![\\p{L}\\p{M}])(?:${kindAlternatives})(?![\\p{L}\\p{M}])`, 'u');
/** Article-level words: điều, khoản, điểm, mục, chương, phụ lục. */
const ARTICLE_WORD = /(?<![\p{L}\p{M}])(?:điều|khoản|điểm|mục|chương|phụ lục)(?![\p{L}\p{M}])/iu;
/** Article part written after the document: "Nghị định 62/2025/NĐ-CP, Điều 22" or "… (Điều 22)". */
const TRAILING_ARTICLE = /\s*(?:[,;:–—-]\s*|\(\s*|\s+tại\s+|\s+)((?:điều|khoản|điểm)\s+(?:\d+|[a-zđ]|[IVXLC]+)(?![\p{L}\p{M}]).*?)\)?$/iu;
/** Words that introduce a citation and carry no meaning of their own. */
const LEAD_IN = /^(?:căn cứ(?:\s+(?:theo|vào))?|theo(?:\s+quy định(?:\s+tại)?)?|quy định tại|tại)\s*:?\s+/iu;
/** A document number: 62/2025/NĐ-CP, 55/2024/QH15, 01/2025/TT-BCT. */
const DOC_NUMBER = /\d+\/\d{4}\/[\p{L}\d]+(?:-[\p{L}\d]+)*/u;
const URL = /https?:\/\/[^\s)<>\]]+/;
const MD_LINK = /\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)/g;

function tidy(s: string): string {
  return oneLine(s)
    .replace(/^[\s,;:.–—-]+/, '')
    .replace(/(?:\s+(?:của|tại|thuộc|theo))+\s*$/iu, '')
    .replace(/[\s,;:–—-]+$/, '')
    .trim();
}

function documentNumberKey(s: string): string | undefined {
  const m = DOC_NUMBER.exec(s);
  return m ? fold(m[0]).replace(/\s+/g, '') : undefined;
}

/** Register documents by folded number: "62/2025/nd-cp" → document id. */
export function documentIndex(documents: Map<string, { data: DocumentData }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, doc] of documents) {
    const key = documentNumberKey(doc.data.number);
    if (key) out.set(key, id);
  }
  return out;
}

/**
 * Parses one citation. Lines it cannot split keep their whole text as `document`. Markdown links and
 * bare URLs become `url`. Returns undefined for a blank line.
 */
export function parseLegalBasisLine(line: string, register: Map<string, string> = new Map()): LegalBasisItem | undefined {
  let url: string | undefined;
  let text = line.replace(MD_LINK, (_, label: string, href: string) => {
    url ??= href;
    return label;
  });
  const bare = URL.exec(text);
  if (bare) {
    url ??= bare[0].replace(/[.,;]+$/, '');
    text = text.replace(bare[0], ' ');
  }
  text = oneLine(stripListMarker(text.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1').replace(/\*\*|__/g, '')))
    .replace(LEAD_IN, '')
    .replace(/[.;]+$/, '')
    .trim();
  if (!text) return undefined;

  let document = text;
  let article: string | undefined;
  const kind = DOC_KIND.exec(text);
  if (kind && kind.index > 0) {
    const before = text.slice(0, kind.index);
    if (ARTICLE_WORD.test(before)) {
      article = tidy(before);
      document = tidy(text.slice(kind.index));
    } else {
      document = tidy(text.slice(kind.index));
    }
  } else if (kind) {
    // Document first: an article may follow its number ("Nghị định 62/2025/NĐ-CP, Điều 22").
    const number = DOC_NUMBER.exec(text);
    const searchFrom = number ? number.index + number[0].length : kind[0].length;
    const trailing = TRAILING_ARTICLE.exec(text.slice(searchFrom));
    if (trailing) {
      article = tidy(trailing[1]);
      document = tidy(text.slice(0, searchFrom + trailing.index));
    }
  }
  if (!document) document = text;

  const item: LegalBasisItem = { document };
  if (article) item.article = article;
  const key = documentNumberKey(document);
  const ref = key ? register.get(key) : undefined;
  if (ref) item.ref = ref;
  if (url) item.url = url;
  return item;
}
