// Writes dist/_headers from src/publish/security-headers.ts, listing the built site's top-level sections; the
// admin policy lets the CMS connect to the configured git host's API only. Federation settings
// (HOIDAP_FEDERATE, HOIDAP_FEDERATE_ALLOW) are read, and so validated, when the config loads.
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminCsp, headerRules, headersFile } from '../publish/security-headers.ts';
import { cmsApiOrigin, cmsOptionsFromEnv } from '../cms/options.ts';
import { contentRoot } from '../content/root.ts';
import { federateAllow, federatePartners, questionUrl } from '../site.config.ts';

export function securityHeaders(base: string): AstroIntegration {
  const federation = { partners: federatePartners().map((p) => p.origin), allow: federateAllow() };
  return {
    name: 'hoidap:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const sections = fs.readdirSync(outDir).filter((f) => f !== '_headers' && !/\.(gz|br)$/.test(f)).sort();
        if (Array.isArray(federation.allow) && federation.allow.length > 1) {
          logger.warn('HOIDAP_FEDERATE_ALLOW lists several origins: hosts that copy _headers literally need one origin or "*" (nginx and `npm start` handle the list)');
        }
        fs.writeFileSync(
          path.join(outDir, '_headers'),
          headersFile(headerRules(base, sections, adminCsp(cmsApiOrigin(cmsOptionsFromEnv(contentRoot()).backend)), { ...federation, formOrigins: formOrigins() })),
        );
      },
    },
  };
}

/** The ask form may post to the portal's intake (HOIDAP_QUESTION_URL): its origin joins form-action. */
function formOrigins(): string[] {
  const url = questionUrl();
  return url ? [new URL(url).origin] : [];
}
