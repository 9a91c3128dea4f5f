// deploy/nginx.conf keeps nginx's full MIME map (issue 16): a server-level `types {}` block would
// replace it, and every stylesheet, font and image would go out as application/octet-stream, which
// browsers refuse under `X-Content-Type-Options: nosniff`. Text checks of the sample configuration.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const conf = fs.readFileSync(path.resolve(import.meta.dirname, '../../deploy/nginx.conf'), 'utf8');
const code = conf.replace(/#.*$/gm, '');

/** The body of each `location … { … }` block (no nested blocks but `types {}`), and what is outside. */
function split(text: string): { server: string; locations: { head: string; body: string }[] } {
  const locations: { head: string; body: string }[] = [];
  const server = text.replace(/location\s+([^{]+)\{((?:[^{}]|\{[^{}]*\})*)\}/g, (_, head: string, body: string) => {
    locations.push({ head: head.trim(), body });
    return '';
  });
  return { server, locations };
}

describe('deploy/nginx.conf', () => {
  const { server, locations } = split(code);

  it("includes nginx's MIME map and has no types block outside a location", () => {
    expect(server).toMatch(/^\s*include\s+\/etc\/nginx\/mime\.types;/m);
    expect(server).not.toMatch(/\btypes\s*\{/);
  });

  it('sets wasm and Atom types only in locations that serve nothing else, keeping the server headers', () => {
    const typed = locations.filter((l) => /\btypes\s*\{/.test(l.body));
    expect(typed.map((l) => l.head).sort()).toEqual(['/feeds/', '~ \\.wasm$']);
    for (const l of typed) expect(l.body, l.head).not.toMatch(/add_header/);
    expect(typed.find((l) => l.head === '/feeds/')!.body).toMatch(/application\/atom\+xml\s+xml;/);
    expect(typed.find((l) => l.head.includes('wasm'))!.body).toMatch(/application\/wasm\s+wasm;/);
  });
});
