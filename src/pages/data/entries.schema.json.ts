import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { exportSchema } from '../../schema/export.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(z.toJSONSchema(exportSchema), null, 2), { headers: { 'content-type': 'application/schema+json' } });
