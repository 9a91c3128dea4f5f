// Writes dist/_headers from src/publish/security-headers.ts, listing the built site's top-level sections; the
// admin policy lets the CMS connect to the configured git host's API only.
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminCsp, headerRules, headersFile } from '../publish/security-headers.ts';
import { cmsApiOrigin, cmsOptionsFromEnv } from '../cms/options.ts';
import { contentRoot } from '../content/root.ts';
import { questionUrl } from '../site.config.ts';

export function securityHeaders(base: string): AstroIntegration {
  return {
    name: 'hoidap:security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const outDir = fileURLToPath(dir);
        const sections = fs.readdirSync(outDir).filter((f) => f !== '_headers' && !/\.(gz|br)$/.test(f)).sort();
        fs.writeFileSync(path.join(outDir, '_headers'), headersFile(headerRules(base, sections, adminCsp(cmsApiOrigin(cmsOptionsFromEnv(contentRoot()).backend)), formOrigins())));
      },
    },
  };
}

/** The ask form may post to the portal's intake (HOIDAP_QUESTION_URL): its origin joins form-action. */
function formOrigins(): string[] {
  const url = questionUrl();
  return url ? [new URL(url).origin] : [];
}
