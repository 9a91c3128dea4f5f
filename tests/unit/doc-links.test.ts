// The project's Markdown documents (README.md, the other top-level .md files and docs/*.md) link only
// to files inside the repository, and to headings that exist: a fresh clone read on a git host has no
// dead link. Site paths (`/admin/`) and external URLs are not files and are left out.
import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCS = [...fs.globSync('*.md', { cwd: ROOT }), ...fs.globSync('docs/**/*.md', { cwd: ROOT })].sort();

/** Text without fenced code blocks and code spans, where `[x](y)` is not a link. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Relative link targets of a Markdown text. */
export function relativeLinks(markdown: string): string[] {
  const out: string[] = [];
  for (const m of prose(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) continue;
    out.push(target);
  }
  return out;
}

/** The anchors GitHub gives the headings of a Markdown text. */
export function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const m of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = m[1]!.replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    anchors.add(slugger.slug(text));
  }
  return anchors;
}

function problems(doc: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
  const out: string[] = [];
  for (const link of relativeLinks(text)) {
    const [file, anchor] = link.split('#') as [string, string | undefined];
    const target = file ? path.resolve(ROOT, path.dirname(doc), decodeURI(file)) : path.join(ROOT, doc);
    const rel = path.relative(ROOT, target);
    if (rel.startsWith('..') || path.isAbsolute(rel)) out.push(`${doc}: ${link} points outside the repository`);
    else if (!fs.existsSync(target)) out.push(`${doc}: ${link} does not exist`);
    else if (anchor && target.endsWith('.md') && !headingAnchors(fs.readFileSync(target, 'utf8')).has(decodeURIComponent(anchor))) {
      out.push(`${doc}: ${link} names no heading of ${rel}`);
    }
  }
  return out;
}

describe('links between the project documents', () => {
  it('covers README.md and docs/', () => {
    expect(DOCS).toEqual(expect.arrayContaining(['README.md', 'SECURITY.md', 'docs/content.md', 'docs/cms.md']));
  });

  it('resolve inside the repository, to headings that exist', () => {
    expect(DOCS.flatMap(problems)).toEqual([]);
  });

  it('are found the way Markdown writes them', () => {
    const md = '# Tiêu đề `x`\nSee [a](docs/a.md#b), [c](../out.md), [site](/admin/), [web](https://x.vn), `[no](code.md)`.\n```\n[no](fence.md)\n```\n## Scale\n## Scale\n';
    expect(relativeLinks(md)).toEqual(['docs/a.md#b', '../out.md']);
    expect([...headingAnchors(md)]).toEqual(['tiêu-đề-x', 'scale', 'scale-1']);
  });
});
