// /admin/sveltia-cms.js: the Sveltia CMS application from the installed npm package, served by the site
// itself rather than a CDN (src/cms/sveltia.ts).
import type { APIRoute } from 'astro';
import { sveltiaScript } from '../../cms/sveltia.ts';

export const GET: APIRoute = () =>
  new Response(sveltiaScript(import.meta.env.BASE_URL), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
