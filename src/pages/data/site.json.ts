import type { APIRoute } from 'astro';
import { siteInfo } from '../../data/bank-info.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await siteInfo(import.meta.env.BASE_URL)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
