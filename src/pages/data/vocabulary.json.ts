import type { APIRoute } from 'astro';
import { vocabularyData } from '../../data/bank-info.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await vocabularyData()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
