// Word (.docx) → Markdown (mammoth → HTML → turndown with GFM tables) → one SourceRecord per question.
// A question starts at a heading that is a question (ends with "?" or reads "Câu 1. …"), or at a
// paragraph "Câu hỏi 1: …", "Câu 1. …", "Hỏi: …"; its answer runs from "Trả lời:" / "Đáp:" (or straight
// after a question heading) to the next question or section heading. "Label: value" paragraphs whose
// label is a known column header ("Căn cứ pháp lý:", "Ngày trả lời:", "Đơn vị trả lời:" …) fill that key.
import mammoth from 'mammoth';
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { keyOfHeader, LABEL_KEYS } from './headers.ts';
import { inlinePlain } from './text.ts';
import { ImportError, type ImportKey, type ReportSkip, type SourceRecord } from './types.ts';
import { nameKey, oneLine } from './values.ts';
import { readBytes } from './spreadsheet.ts';

/** Links an imported entry keeps: absolute http(s), mailto and tel (control characters removed first, as browsers do). */
const WORD_LINK = /^(?:https?:\/\/[^/]|mailto:|tel:)/i;

function makeTurndown(): TurndownService {
  const td = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    emDelimiter: '_',
    strongDelimiter: '**',
    codeBlockStyle: 'fenced',
  });
  td.use(gfm);
  // Word text is text. turndown escapes Markdown's own marks (`*`, `_`, `[`, `]` …) but not `<` or `&`,
  // so text typed as `<b>`, `<script>`, `<!-- … -->` or `<https://…>` would become raw HTML, a comment
  // or an autolink. A backslash makes each a literal character (CommonMark escapes), so the entry
  // shows exactly what was typed and always passes the guard.
  const escapeMarkdown = td.escape.bind(td);
  td.escape = (text: string) => escapeMarkdown(text).replace(/[<&]/g, (c) => `\\${c}`);
  // A Word hyperlink to anything but http(s), mailto or tel (javascript:, data:, file:, vbscript: …)
  // keeps its text and loses its link: the guard would reject the whole entry otherwise.
  td.addRule('unsafeLink', {
    filter: (node) => node.nodeName === 'A' && !WORD_LINK.test(((node as HTMLElement).getAttribute('href') ?? '').replace(/[\u0000-\u0020\u007f-\u009f]/g, '')),
    replacement: (content) => content,
  });
  // Rules added later win. List items with a single space after the marker ("- item", "1. item").
  td.addRule('listItemCompact', {
    filter: 'li',
    replacement(content, node, options) {
      const parent = node.parentNode as HTMLElement | null;
      let prefix = `${options.bulletListMarker ?? '-'} `;
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? '1') || 1;
        prefix = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const text = content.replace(/^\n+/, '').replace(/\n+$/, '\n').replace(/\n/gm, `\n${' '.repeat(prefix.length)}`);
      return prefix + text + (node.nextSibling && !/\n$/.test(text) ? '\n' : '');
    },
  });
  // Table cells on one line: Word cells hold paragraphs, which would break the Markdown row.
  td.addRule('tableCellOneLine', {
    filter: ['th', 'td'],
    replacement(content, node) {
      const first = Array.prototype.indexOf.call(node.parentNode?.childNodes ?? [], node) === 0;
      // Paragraphs of a cell joined on one line: "; " between them, a space after one that ends a
      // sentence. Not <br>: raw HTML is rejected by the guard, so the entry would fail npm run check.
      let text = content
        .trim()
        .replace(/([.;:!?])?\s*\n+\s*/g, (_, end: string | undefined) => (end ? `${end} ` : '; '))
        .replace(/\|/g, '\\|');
      // Header cells are bold already: drop bold that wraps a whole header cell.
      if (node.nodeName === 'TH') text = text.replace(/^\*\*([^*]+)\*\*$/, '$1');
      return `${first ? '| ' : ' '}${text} |`;
    },
  });
  return td;
}

/** Word tables have no header row in mammoth's HTML: the first row becomes one, so GFM can convert them. */
function firstRowAsHeader(html: string): string {
  return html.replace(/<table>(\s*(?:<tbody>)?\s*)<tr>([\s\S]*?)<\/tr>/g, (_, open: string, row: string) => {
    const cells = row.replace(/<td(\s[^>]*)?>/g, '<th$1>').replace(/<\/td>/g, '</th>');
    return `<table><thead><tr>${cells}</tr></thead>${open.includes('<tbody>') ? '<tbody>' : ''}`;
  });
}

export function htmlToMarkdown(html: string): string {
  return makeTurndown().turndown(firstRowAsHeader(html)).replace(/\u00a0/g, ' ').normalize('NFC');
}

/** A .docx file as Markdown; `messages` are mammoth's warnings (unknown styles, images …). */
export async function readDocx(file: string): Promise<{ markdown: string; messages: string[] }> {
  const bytes = readBytes(file);
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new ImportError(`${file}: this is an old Word 97-2003 (.doc) document; open it in Word, save it as .docx and import it again`);
  }
  if (!bytes.subarray(0, 2).equals(Buffer.from('PK'))) {
    throw new ImportError(`${file}: not a real .docx document (a .docx file is a zip archive; this one is not)`);
  }
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml({ buffer: bytes });
  } catch (err) {
    throw new ImportError(`${file}: cannot open the Word document, the file is damaged or not a .docx document (${(err as Error).message})`);
  }
  return { markdown: htmlToMarkdown(result.value), messages: result.messages.map((m) => `${m.type}: ${m.message}`) };
}

// ---------------------------------------------------------------------------------------------
// Segmentation

const QUESTION_MARK = /^(?:câu\s+hỏi(?:\s+số)?(?:\s*\d+)?|câu\s+(?:số\s+)?\d+|hỏi)\s*(?:[:.)–—-]\s*|$)([\s\S]*)$/iu;
const ANSWER_MARK = /^(?:trả\s+lời|đáp|giải\s+đáp)\s*(?:[:.–—-]\s*|$)([\s\S]*)$/iu;
const ANSWER_MARK_MD = /^\s*(\*\*|__)?\s*(?:trả\s+lời|đáp|giải\s+đáp)\s*[:.–—-]?\s*/iu;
const LABEL_LINE = /^([^:\n]{2,40}?)\s*:\s*([\s\S]*)$/u;
const HEADING = /^(#{1,6})\s+(.*)$/;
const LIST_BLOCK = /^\s*(?:[-*+]|\d+[.)])\s+/;
/** Numbering of section headings: "I.", "1.", "A)", "Phần I:", "Chuyên đề 2 -". */
const SECTION_NUMBER = /^(?:(?:phần|chương|mục|chuyên đề|nhóm)\s+)?(?:[IVXLC]+|\d+(?:\.\d+)*|[A-Z])\s*[.):–—-]\s*/iu;

function plain(md: string): string {
  return oneLine(inlinePlain(md));
}

const isList = (block: string) => block.split('\n').every((l) => !l.trim() || LIST_BLOCK.test(l) || /^\s{2,}\S/.test(l));

/** Removes the "Trả lời:" marker from a Markdown paragraph, keeping the formatting of the rest. */
function stripAnswerMarker(md: string): string {
  const m = ANSWER_MARK_MD.exec(md);
  if (!m) return md;
  let rest = md.slice(m[0].length);
  const delim = m[1];
  if (delim) {
    if (rest.startsWith(delim)) rest = rest.slice(delim.length).replace(/^\s*[:.–—-]?\s*/, '');
    else rest = `${delim}${rest}`;
  }
  return rest.trim();
}

/** A question heading or paragraph without its "Câu 1." marker. */
function stripQuestionMarker(text: string): string {
  const m = QUESTION_MARK.exec(text);
  return (m ? m[1] : text).trim();
}

interface Section {
  level: number;
  text: string;
  field?: string;
}

interface Current {
  n: number;
  /** Heading level of a question heading; 7 for a paragraph question. */
  level: number;
  questionBlocks: { md: string; plain: string }[];
  answerBlocks: string[];
  answerSeen: boolean;
  labels: Map<ImportKey, string[]>;
  sections: Section[];
}

export interface DocxRecords {
  records: SourceRecord[];
  notes: string[];
  skipped: ReportSkip[];
}

/**
 * Splits a Word document's Markdown into questions. `fieldsByName` maps folded field names and ids
 * to field ids, so a section heading "II. Lĩnh vực Đất đai" sets the field of its questions.
 */
export function segmentMarkdown(markdown: string, fieldsByName: Map<string, string>): DocxRecords {
  const blocks = markdown.split(/\n{2,}/).map((b) => b.replace(/\s+$/, '')).filter((b) => b.trim());
  const headingLevels = blocks.map((b) => HEADING.exec(b)?.[1].length);
  // The document title: a first-block heading whose level no other heading uses.
  const titleAt = headingLevels[0] !== undefined && headingLevels.filter((l) => l === headingLevels[0]).length === 1 ? 0 : -1;

  const records: SourceRecord[] = [];
  const notes: string[] = [];
  const preamble: string[] = [];
  /** Paragraphs after a section heading, before the next question (a section's introduction). */
  const outside: string[] = [];
  let sections: Section[] = [];
  let cur: Current | undefined;
  let count = 0;
  let pendingLabel: ImportKey | undefined;

  const fieldOfHeading = (text: string): string | undefined => {
    const name = nameKey(text.replace(SECTION_NUMBER, '')).replace(/^linh vuc\s+/, '');
    return fieldsByName.get(name);
  };

  const finish = () => {
    if (!cur) return;
    let questionBlocks = cur.questionBlocks;
    let answerBlocks = cur.answerBlocks;
    if (!cur.answerSeen && questionBlocks.length > 1) {
      // No "Trả lời:" marker: the question runs to the first paragraph ending with "?", the rest is the answer.
      const end = questionBlocks.findIndex((b) => /[?？]\s*$/.test(b.plain));
      const k = end >= 0 ? end : 0;
      answerBlocks = [...questionBlocks.slice(k + 1).map((b) => b.md), ...answerBlocks];
      questionBlocks = questionBlocks.slice(0, k + 1);
    }
    const values: SourceRecord['values'] = {};
    const question = oneLine(questionBlocks.map((b) => b.plain).join(' '));
    if (question) values.question = { text: question };
    const body = answerBlocks.join('\n\n').trim();
    if (body) values.body = { text: body };
    for (const [key, lines] of cur.labels) {
      const text = lines.join('\n').trim();
      if (text) values[key] = { text };
    }
    const usable = cur.sections.filter((s) => s.level < cur!.level);
    const field = usable.findLast((s) => s.field)?.field;
    const topic = usable.findLast((s) => !s.field)?.text;
    records.push({
      source: `question ${cur.n}`,
      values,
      extras: [],
      bodyIsMarkdown: true,
      sectionField: field,
      sectionTopic: topic,
    });
    cur = undefined;
  };

  const start = (level: number, firstPart: string) => {
    finish();
    count += 1;
    cur = {
      n: count,
      level,
      questionBlocks: firstPart ? [{ md: firstPart, plain: plain(firstPart) }] : [],
      answerBlocks: [],
      // After a question heading the answer follows directly; after "Câu hỏi 1:" the question may go on.
      answerSeen: level < 7 && firstPart !== '',
      labels: new Map(),
      sections: [...sections],
    };
  };

  blocks.forEach((block, i) => {
    const heading = HEADING.exec(block);
    const label = pendingLabel;
    pendingLabel = undefined;
    if (heading) {
      const level = heading[1].length;
      const text = plain(heading[2]);
      const answer = ANSWER_MARK.exec(text);
      if (cur && answer) {
        // "Trả lời" written as a heading.
        cur.answerSeen = true;
        if (answer[1].trim()) cur.answerBlocks.push(answer[1].trim());
        return;
      }
      if (QUESTION_MARK.test(text) || /[?？]$/.test(text)) {
        start(level, stripQuestionMarker(text));
        return;
      }
      finish();
      if (i === titleAt) return;
      sections = sections.filter((s) => s.level < level);
      sections.push({ level, text: text.replace(SECTION_NUMBER, '').trim() || text, field: fieldOfHeading(text) });
      return;
    }
    if (label && cur && isList(block)) {
      const items = block.split('\n').map((x) => (label === 'legal_basis' ? x.trim() : plain(x))).filter(Boolean);
      cur.labels.set(label, [...(cur.labels.get(label) ?? []), ...items]);
      return;
    }
    const text = plain(block);
    const q = QUESTION_MARK.exec(text);
    if (q) {
      start(7, q[1].trim());
      return;
    }
    if (!cur) {
      (count === 0 ? preamble : outside).push(text);
      return;
    }
    const a = ANSWER_MARK.exec(text);
    if (a) {
      cur.answerSeen = true;
      const rest = stripAnswerMarker(block);
      if (rest) cur.answerBlocks.push(rest);
      return;
    }
    const l = LABEL_LINE.exec(text);
    const key = l ? keyOfHeader(l[1]) : undefined;
    if (l && key && key !== 'ignore' && LABEL_KEYS.includes(key)) {
      // Keep Markdown links of the value (a legal basis URL); the rest of the block continues the value.
      const mdValue = block.replace(/^[\s\S]*?:\s*(?:\*\*|__)?\s*/, '');
      const lines = mdValue
        .split('\n')
        .map((x) => (key === 'legal_basis' ? x.trim() : plain(x)))
        .filter(Boolean);
      cur.labels.set(key, [...(cur.labels.get(key) ?? []), ...lines]);
      if (!l[2].trim()) pendingLabel = key;
      return;
    }
    if (cur.answerSeen) cur.answerBlocks.push(block);
    else cur.questionBlocks.push({ md: block, plain: text });
  });
  finish();

  const quote = (texts: string[]) => {
    const all = texts.join(' ').trim();
    return `"${all.length > 120 ? `${all.slice(0, 117)}…` : all}"`;
  };
  if (preamble.length) notes.push(`text before the first question was not imported: ${quote(preamble)}`);
  if (outside.length) {
    notes.push(`text after a section heading and outside any question was not imported (${outside.length} paragraph(s)): ${quote(outside)}`);
  }
  return { records, notes, skipped: [] };
}
