// /admin/config.yml: the Sveltia CMS configuration, generated from the content contract's schemas and
// the content root's fields and units (src/cms/config.ts), with the deployment settings of
// src/cms/options.ts (HOIDAP_CMS_* environment variables).
import type { APIRoute } from 'astro';
import YAML from 'yaml';
import { contentModel } from '../../data/content.ts';
import { contentRoot } from '../../content/root.ts';
import { cmsConfig } from '../../cms/config.ts';
import { cmsOptionsFromEnv } from '../../cms/options.ts';

export const GET: APIRoute = async () => {
  const model = contentModel();
  const config = cmsConfig(model, cmsOptionsFromEnv(contentRoot()));
  return new Response(YAML.stringify(config, { lineWidth: 0 }), { headers: { 'Content-Type': 'application/yaml; charset=utf-8' } });
};
