// Rewrites of rendered HTML for the printed handbook, done on a parsed tree (parse5, as browsers
// parse) and serialised with escaping, never with regular expressions on markup: a "✓" or "<h2" inside
// an attribute value (a link title, an alt text) stays inert text of that attribute.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { parseHtmlFragment } from './html-fragment.ts';

const HEADING = /^h[1-6]$/;
const CHECK = '✓';

function checkMark(): Element {
  return { type: 'element', tagName: 'span', properties: { className: ['hb-check'], ariaHidden: 'true' }, children: [] };
}

/** Splits text nodes holding "✓" into text and CSS-drawn check marks. */
function splitChecks(value: string): ElementContent[] {
  const out: ElementContent[] = [];
  value.split(CHECK).forEach((part, i) => {
    if (i > 0) out.push(checkMark());
    if (part) out.push({ type: 'text', value: part });
  });
  return out;
}

function rewrite(node: Root | Element): void {
  const children: RootContent[] = [];
  for (const child of node.children as RootContent[]) {
    if (child.type === 'text' && child.value.includes(CHECK)) {
      children.push(...splitChecks(child.value));
      continue;
    }
    if (child.type === 'element') {
      if (HEADING.test(child.tagName)) {
        // Headings inside an answer become styled paragraphs without their ids (which would repeat
        // across entries), so the PDF outline holds fields, topics and questions only.
        child.tagName = 'p';
        child.properties = { className: ['hb-subhead'] };
      }
      rewrite(child);
    }
    children.push(child);
  }
  node.children = children as typeof node.children;
}

/** The handbook's print rewrite of an HTML fragment (see PrintSafe.astro). */
export function printSafeHtml(html: string): string {
  const tree = parseHtmlFragment(html);
  rewrite(tree);
  return toHtml(tree);
}
