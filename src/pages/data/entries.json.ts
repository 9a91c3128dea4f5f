import type { APIRoute } from 'astro';
import { exportContext } from '../../data/export-context.ts';
import { buildExport } from '../../publish/export.ts';

export const GET: APIRoute = async () => {
  const ctx = await exportContext(import.meta.env.BASE_URL);
  return new Response(JSON.stringify(buildExport([...ctx.entries.values()], ctx)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
