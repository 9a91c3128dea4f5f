// /admin/locales/vi.json: Sveltia CMS's Vietnamese UI strings, served by the site (src/cms/sveltia.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { SERVED_LOCALES, sveltiaLocale } from '../../../cms/sveltia.ts';

export const getStaticPaths: GetStaticPaths = () => SERVED_LOCALES.map((locale) => ({ params: { locale } }));

export const GET: APIRoute = ({ params }) =>
  new Response(sveltiaLocale(String(params.locale)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
