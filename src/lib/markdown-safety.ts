// Hostile content never reaches a reader as code. Entry bodies are Markdown, and the fast Markdown
// renderer passes raw HTML through untouched, so the policy is to REJECT, with the file and line:
// - raw HTML in Markdown (HTML comments are allowed: they carry no code);
// - links, images and definitions whose URL is not http(s), mailto, tel or site-relative
//   (javascript:, data:, vbscript: ... including entity-encoded forms, which the parser decodes);
// - in .mdx files: import/export statements, JavaScript expressions, and any JSX element that is not
//   one of the project's own components (MDX is code: it runs at build time).
// Bodies are only parsed when a cheap scan finds something that could be HTML, a link or MDX syntax.
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import type { ContentIssue } from './issues.ts';

/** Components an .mdx entry may use (rendered by src/components/mdx/). */
export const MDX_COMPONENTS: Record<string, string[]> = { Note: ['title'] };

const SAFE_URL = /^(https?:|mailto:|tel:|#|\/(?!\/)|\.{0,2}\/|[^:/?#]*(?:[/?#]|$))/i;

/** True for URLs a reader may follow: http(s), mailto, tel, or relative to the site. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside schemes ("java\tscript:").
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return SAFE_URL.test(cleaned);
}

const NEEDS_PARSE = /<|\]\(|\]:|\{|^\s*(import|export)\s/m;
const mdParser = remark().use(remarkGfm);
const mdxParser = remark().use(remarkGfm).use(remarkMdx);

interface Node {
  type: string;
  url?: string;
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
    tree = (mdx ? mdxParser : mdParser).parse(body);
  } catch (err) {
    const e = err as { message?: string; line?: number };
    issues.push({ severity: 'error', file, key: 'body', message: `MDX syntax error: ${e.message ?? String(err)}`, line: e.line ? e.line + bodyLine - 1 : undefined });
    return issues;
  }
  visit(tree, (node: Node) => {
    switch (node.type) {
      case 'html':
        if (!/^\s*<!--[\s\S]*-->\s*$/.test(node.value ?? '')) {
          report(node, `raw HTML is not allowed in entries (write Markdown instead): ${(node.value ?? '').slice(0, 60).replace(/\s+/g, ' ')}`);
        }
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (node.url !== undefined && !isSafeUrl(node.url)) report(node, `unsafe ${node.type} URL "${node.url.slice(0, 60)}": only http(s), mailto, tel and site links are allowed`);
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
