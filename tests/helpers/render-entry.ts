// In-process rendering of entry bodies with the pipeline Astro 7 uses (Sätteri), for pure unit tests:
// Markdown through @astrojs/markdown-satteri's processor with the site's markdown options; MDX through
// Sätteri's MDX parser to hast, with <Note> expanded the way src/components/mdx/Note.astro renders it
// (Astro's component runtime cannot run outside a build). Plus an allow-list checker that reads the
// HTML with a real parser (parse5, via hast-util-from-html).
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { mdxToHast } from 'satteri';
import { isSafeUrl } from '../../src/content/safe-url.ts';
import { ENTRY_SCHEMA } from '../../src/content/sanitize-html.ts';

type Renderer = Awaited<ReturnType<typeof createSatteriMarkdownProcessor>>;
let markdown: Promise<Renderer> | undefined;

/** Markdown → HTML as Astro renders a .md entry (astro.config.mjs: no highlighting, GFM, smart punctuation). */
export async function renderMarkdown(body: string): Promise<string> {
  markdown ??= createSatteriMarkdownProcessor({ syntaxHighlight: false });
  const html = (await (await markdown).render(body)).code;
  if (!/__astro_image_/i.test(html)) return html;
  // Astro replaces the marker on a local image with its image component's <img>: src, alt, title,
  // width, height, loading, decoding. Stand in for that with the marker's own src, alt and title.
  const tree = fromHtml(html, { fragment: true });
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const marker = node.properties.__astro_image_ ?? node.properties.__ASTRO_IMAGE_;
      if (node.tagName === 'img' && typeof marker === 'string') {
        const { src, alt, title } = JSON.parse(marker) as Record<string, string | undefined>;
        node.properties = { src, alt, title };
      }
      visit(node.children);
    }
  };
  visit(tree.children);
  return toHtml(tree);
}

interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
}

function expandMdx(nodes: MdxNode[]): ElementContent[] {
  return nodes.map((node) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      if (node.name !== 'Note') throw new Error(`renderMdx: <${node.name}> reached the renderer`);
      const title = node.attributes?.find((a) => a.name === 'title')?.value;
      const children = expandMdx(node.children ?? []);
      if (typeof title === 'string' && title) {
        children.unshift({ type: 'element', tagName: 'p', properties: { className: ['note-title'] }, children: [{ type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: title }] }] });
      }
      return { type: 'element', tagName: 'aside', properties: { className: ['note'] }, children } satisfies Element;
    }
    if (node.type.startsWith('mdx')) throw new Error(`renderMdx: ${node.type} reached the renderer`);
    if (node.children) (node as { children: ElementContent[] }).children = expandMdx(node.children);
    return node as unknown as ElementContent;
  });
}

/** MDX → HTML: Sätteri's MDX tree with <Note> expanded (throws on any other JSX or expression). */
export function renderMdx(body: string): string {
  const tree = mdxToHast(body, { features: { gfm: true, smartPunctuation: true } }) as unknown as Root;
  tree.children = expandMdx(tree.children as unknown as MdxNode[]) as RootContent[];
  return toHtml(tree, { allowDangerousHtml: true });
}

const ALLOWED_TAGS = new Set(ENTRY_SCHEMA.tagNames);

/**
 * What in `html` breaks the entry allow-list, read by parse5 as a browser would: elements outside the
 * list, attributes outside the list for that element, href/src outside the URL policy, and (when
 * `comments` is false) comments. Before the sanitiser, GFM alignment `style="text-align: …"` on
 * table cells is the one extra attribute the renderer makes.
 */
export function allowListViolations(html: string, opts: { comments: boolean; alignStyle: boolean }): string[] {
  const problems: string[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'comment') {
        if (!opts.comments) problems.push(`comment <!--${node.value}-->`);
      } else if (node.type === 'doctype') {
        problems.push('doctype');
      } else if (node.type === 'element') {
        if (!ALLOWED_TAGS.has(node.tagName)) problems.push(`element <${node.tagName}>`);
        const allowed = new Set((ENTRY_SCHEMA.attributes?.[node.tagName] ?? []).map((a) => (Array.isArray(a) ? a[0] : a)));
        for (const [key, value] of Object.entries(node.properties)) {
          if (key === 'style' && opts.alignStyle && (node.tagName === 'th' || node.tagName === 'td') && /^text-align: (left|center|right)$/.test(String(value))) continue;
          if (!allowed.has(key)) problems.push(`attribute ${key} on <${node.tagName}>`);
          if ((key === 'href' || key === 'src') && !isSafeUrl(String(value))) problems.push(`${key}="${String(value)}"`);
        }
        if (node.tagName === 'template' && 'content' in node) walk((node.content as Root).children);
        walk(node.children);
      }
    }
  };
  walk(fromHtml(html, { fragment: true }).children);
  return problems;
}
