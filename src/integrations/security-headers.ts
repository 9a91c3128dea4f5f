// Writes dist/_headers from src/lib/security-headers.ts, listing the built site's top-level sections; the
// admin policy lets the CMS connect to the configured git host's API only.
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminCsp, headerRules, headersFile } from '../lib/security-headers.ts';
import { cmsApiOrigin, cmsOptionsFromEnv } from '../cms/options.ts';
import { contentRoot } from '../lib/content-root.ts';
import { afterAstroFile } from './after-astro.ts';

export function securityHeaders(base: string): AstroIntegration {
  return {
    name: 'hoidap:security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        if (afterAstroFile()) return; // `npm run build` writes it after the search index, in its own process
        writeSecurityHeaders(fileURLToPath(dir), base);
      },
    },
  };
}

/** dist/_headers, listing the top-level sections present now (run it after the search index). */
export function writeSecurityHeaders(outDir: string, base: string): void {
  const sections = fs.readdirSync(outDir).filter((f) => f !== '_headers' && !/\.(gz|br)$/.test(f)).sort();
  fs.writeFileSync(path.join(outDir, '_headers'), headersFile(headerRules(base, sections, adminCsp(cmsApiOrigin(cmsOptionsFromEnv(contentRoot()).backend)))));
}
