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
import { afterAstroFile } from './after-astro.ts';

export function securityHeaders(base: string): AstroIntegration {
  // Read when the config loads, so a malformed federation setting stops the build at once.
  federatePartners();
  federateAllow();
  return {
    name: 'hoidap:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (afterAstroFile()) return; // `npm run build` writes it after the search index, in its own process
        writeSecurityHeaders(fileURLToPath(dir), base, (msg) => logger.warn(msg));
      },
    },
  };
}

/** dist/_headers, listing the top-level sections present now (run it after the search index). */
export function writeSecurityHeaders(outDir: string, base: string, warn: (msg: string) => void = console.warn): void {
  const federation = { partners: federatePartners().map((p) => p.origin), allow: federateAllow(), formOrigins: formOrigins() };
  if (Array.isArray(federation.allow) && federation.allow.length > 1) {
    warn('HOIDAP_FEDERATE_ALLOW lists several origins: hosts that copy _headers literally need one origin or "*" (nginx and `npm start` handle the list)');
  }
  const sections = fs.readdirSync(outDir).filter((f) => f !== '_headers' && !/\.(gz|br)$/.test(f)).sort();
  fs.writeFileSync(path.join(outDir, '_headers'), headersFile(headerRules(base, sections, adminCsp(cmsApiOrigin(cmsOptionsFromEnv(contentRoot()).backend)), federation)));
}

/** The ask form may post to the portal's intake (HOIDAP_QUESTION_URL): its origin joins form-action. */
function formOrigins(): string[] {
  const url = questionUrl();
  return url ? [new URL(url).origin] : [];
}
