// The second HTML line of defence: every entry body, once rendered (Markdown or MDX, <Note> included),
// goes through this allow-list before any page uses it (src/components/SafeContent.astro). The guard
// (src/content/markdown-safety.ts) already rejects raw HTML and unsafe URLs; this holds even if the guard
// and the renderer ever disagree.
//
// Library: hast-util-sanitize (the unified collective's sanitiser behind rehype-sanitize), on a tree
// parsed by parse5 (html-fragment.ts): the WHATWG parsing algorithm browsers run, so the
// sanitiser sees the same elements, attributes and comment endings a reader's browser would; the
// result is serialised by hast-util-to-html, which escapes every text and attribute value.
// (sanitize-html, the other common choice, parses with htmlparser2, which is not spec-exact.)
import type { Element, Root, RootContent } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { hasValidPercentEncoding, isSafeUrl } from './safe-url.ts';
import { parseHtmlFragment } from './html-fragment.ts';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
/** Code blocks carry the fence's language as a class ("language-js"). */
const LANGUAGE_CLASS = /^language-[\w+#.-]+$/;

/**
 * Elements and attributes (hast property names) the Markdown renderer (GFM: tables, task lists,
 * footnotes, code blocks without highlighting) and the <Note> component produce, and nothing else.
 */
export const ENTRY_SCHEMA: Schema = {
  tagNames: [
    ...HEADINGS,
    'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li', 'em', 'strong', 'del', 'code', 'pre', 'a', 'img',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input', 'sup', 'section', 'aside',
  ],
  attributes: {
    ...Object.fromEntries(HEADINGS.map((h) => [h, ['id', ['className', 'sr-only']]])),
    a: ['href', 'title', 'id', 'ariaDescribedBy', 'ariaLabel', 'dataFootnoteRef', 'dataFootnoteBackref', ['className', 'data-footnote-backref']],
    img: ['src', 'alt', 'title', 'width', 'height', ['loading', 'lazy', 'eager'], ['decoding', 'async', 'sync', 'auto']],
    ol: ['start'],
    ul: [['className', 'contains-task-list']],
    li: ['id', ['className', 'task-list-item']],
    input: [['type', 'checkbox'], 'checked', ['disabled', true]],
    th: [['className', 'align-left', 'align-center', 'align-right']],
    td: [['className', 'align-left', 'align-center', 'align-right']],
    code: [['className', LANGUAGE_CLASS]],
    section: ['dataFootnotes', ['className', 'footnotes']],
    aside: [['className', 'note']],
    p: [['className', 'note-title']],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: { href: ['http', 'https', 'mailto', 'tel'], src: ['http', 'https'] },
  // Ids stay as rendered (footnote links point at them); entry pages run no script to clobber.
  clobber: [],
  // Removed with their content; any other unknown element is replaced by its content (text stays).
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'object', 'svg', 'math'],
  allowComments: false,
  allowDoctypes: false,
};

const ALIGN = /^\s*text-align:\s*(left|center|right)\s*;?\s*$/i;

/** Before sanitising: GFM table alignment arrives as `style="text-align: …"`, which the CSP (no
 *  'unsafe-inline') would block; it becomes a class the site stylesheet styles. */
function alignToClass(node: Root | Element): void {
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'element') continue;
    if ((child.tagName === 'th' || child.tagName === 'td') && typeof child.properties.style === 'string') {
      const align = ALIGN.exec(child.properties.style);
      if (align) child.properties.className = [`align-${align[1].toLowerCase()}`];
      delete child.properties.style;
    }
    alignToClass(child);
  }
}

/** After sanitising: hast-util-sanitize treats "//host" as relative; the site's URL policy does not. */
function dropUnsafeUrls(node: Root | Element): void {
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'element') continue;
    for (const key of ['href', 'src'] as const) {
      const value = child.properties[key];
      if (value !== undefined && (typeof value !== 'string' || !isSafeUrl(value) || !hasValidPercentEncoding(value))) delete child.properties[key];
    }
    dropUnsafeUrls(child);
  }
}

/** Sanitises a parsed fragment (see ENTRY_SCHEMA). */
export function sanitizeEntryTree(tree: Root): Root {
  alignToClass(tree);
  const clean = sanitize(tree, ENTRY_SCHEMA) as Root;
  dropUnsafeUrls(clean);
  return clean;
}

// One build shows each body up to three times (entry page, field handbook, whole handbook): results
// are remembered by input, up to a bound so a 50,000-entry build does not keep them all.
const memo = new Map<string, string>();
let memoChars = 0;
const MEMO_MAX_CHARS = 16 * 1024 * 1024;

/** Sanitises the rendered HTML of one entry body: only allow-listed elements, attributes and URLs. */
export function sanitizeEntryHtml(html: string): string {
  const known = memo.get(html);
  if (known !== undefined) return known;
  const clean = toHtml(sanitizeEntryTree(parseHtmlFragment(html)));
  if (memoChars + html.length + clean.length > MEMO_MAX_CHARS) {
    memo.clear();
    memoChars = 0;
  }
  memo.set(html, clean);
  memoChars += html.length + clean.length;
  return clean;
}
