// Hostile content never reaches a reader as code. This guard is the first of two HTML lines of defence
// (the second is the allow-list sanitiser in src/content/sanitize-html.ts, applied to every rendered
// entry). It REJECTS, with the file and line:
// - raw HTML in Markdown, except nodes that are nothing but well-formed HTML comments (see
//   isPureComments: endings browsers read differently, such as "<!-->", "<!--->" or "--!>", are
//   rejected, so a comment can never end earlier than it looks and let markup through);
// - links, images and definitions whose URL is not http(s), mailto, tel or site-relative
//   (javascript:, data:, vbscript: ... including entity-encoded forms, which the parser decodes;
//   protocol-relative "//host"), or whose percent-escapes do not decode;
// - in .mdx files: import/export statements, JavaScript expressions, and any JSX element that is not
//   one of the project's own components (MDX is code: it runs at build time);
// - code fences whose language holds anything but letters, digits and - _ + # .
// The body is parsed by Sätteri, the same parser Astro 7 renders entries with (Markdown and MDX), so
// the guard sees exactly the nodes the renderer will emit: no differential between two parsers.
// Bodies are only parsed when a cheap scan finds something that could be HTML, a link, a code fence or
// MDX syntax.
import { markdownToMdast, mdxToMdast } from 'satteri';
import { visit } from 'unist-util-visit';
import type { ContentIssue } from './issues.ts';
import { hasValidPercentEncoding, isSafeUrl } from './safe-url.ts';

export { isSafeUrl };

/** Components an .mdx entry may use (rendered by src/components/mdx/). */
export const MDX_COMPONENTS: Record<string, string[]> = { Note: ['title'] };

const CODE_LANGUAGE = /^[\w+#.-]+$/;
const NEEDS_PARSE = /<|\]\(|\]:|\{|`{3}|~{3}|^\s*(import|export)\s/m;
// Astro's Markdown options (gfm on, smart punctuation only changes text).
const FEATURES = { gfm: true };

/**
 * True when `html` is only HTML comments and whitespace, each comment "valid" in the HTML standard's
 * sense (its text does not start with ">" or "->", does not contain "<!--", "-->" or "--!>", and does
 * not end with "<!-"). Every browser ends such a comment at its one "-->", so nothing inside it can
 * ever be read as markup. Anything else (text or a tag after the end, an unclosed comment that would
 * swallow the rest of the page) is rejected. This reads source text, it never rewrites HTML.
 */
export function isPureComments(html: string): boolean {
  let rest = html;
  for (;;) {
    rest = rest.replace(/^[\t\n\f\r ]+/, '');
    if (rest === '') return true;
    if (!rest.startsWith('<!--')) return false;
    const end = rest.indexOf('-->', 4);
    if (end < 0) return false;
    const text = rest.slice(4, end);
    if (text.startsWith('>') || text.startsWith('->') || text.includes('<!--') || text.includes('--!>') || text.endsWith('<!-')) return false;
    rest = rest.slice(end + 3);
  }
}

interface Node {
  type: string;
  url?: string;
  lang?: string | null;
  name?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
}

/** Problems in one entry body. `bodyLine` is the file line where the body starts (for messages). */
export function checkBody(file: string, body: string, bodyLine: number, mdx: boolean): ContentIssue[] {
  if (!NEEDS_PARSE.test(body)) return [];
  const issues: ContentIssue[] = [];
  const report = (node: Node, message: string) =>
    issues.push({ severity: 'error', file, key: 'body', message, line: node.position ? node.position.start.line + bodyLine - 1 : undefined });
  let tree;
  try {
    tree = (mdx ? mdxToMdast : markdownToMdast)(body, { features: FEATURES });
  } catch (err) {
    // Sätteri's messages start with "line:column: ".
    const message = err instanceof Error ? err.message : String(err);
    const at = /^(\d+):\d+/.exec(message);
    issues.push({ severity: 'error', file, key: 'body', message: `MDX syntax error: ${message}`, line: at ? Number(at[1]) + bodyLine - 1 : undefined });
    return issues;
  }
  visit(tree as Parameters<typeof visit>[0], (n) => {
    const node = n as Node;
    switch (node.type) {
      case 'html':
        if (!isPureComments(node.value ?? '')) {
          const comment = (node.value ?? '').trimStart().startsWith('<!--');
          report(
            node,
            comment
              ? `raw HTML is not allowed in entries, and this HTML comment is malformed or followed by markup (write <!-- text --> with no "<!--", "--!>" or "-->" inside): ${(node.value ?? '').slice(0, 60).replace(/\s+/g, ' ')}`
              : `raw HTML is not allowed in entries (write Markdown instead): ${(node.value ?? '').slice(0, 60).replace(/\s+/g, ' ')}`,
          );
        }
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (node.url !== undefined && !isSafeUrl(node.url)) report(node, `unsafe ${node.type} URL "${node.url.slice(0, 60)}": only http(s), mailto, tel and site links are allowed`);
        else if (node.url !== undefined && !hasValidPercentEncoding(node.url)) report(node, `${node.type} URL "${node.url.slice(0, 60)}" has a malformed percent-escape: write %25 for a literal "%"`);
        break;
      case 'code':
        // The language goes into a class attribute; some highlighters paste it into HTML unescaped.
        if (node.lang && !CODE_LANGUAGE.test(node.lang)) report(node, `code block language "${node.lang.slice(0, 40)}" may only contain letters, digits and - _ + # .`);
        break;
      case 'mdxjsEsm':
        report(node, 'import/export is not allowed in entries: MDX entries may only use the project’s own components');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        report(node, 'JavaScript expressions ({...}) are not allowed in entries');
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const allowed = node.name ? MDX_COMPONENTS[node.name] : undefined;
        if (!allowed) {
          report(node, `<${node.name ?? ''}> is not allowed: MDX entries may only use ${Object.keys(MDX_COMPONENTS).map((c) => `<${c}>`).join(', ')}`);
          break;
        }
        for (const attr of node.attributes ?? []) {
          if (attr.type !== 'mdxJsxAttribute' || !attr.name || !allowed.includes(attr.name) || (attr.value !== null && typeof attr.value !== 'string')) {
            report(node, `<${node.name}> only takes plain text attributes: ${allowed.join(', ')}`);
          }
        }
        break;
      }
    }
  });
  return issues;
}
