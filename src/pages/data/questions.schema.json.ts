import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { questionsExportSchema } from '../../schema/questions-export.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(z.toJSONSchema(questionsExportSchema), null, 2), { headers: { 'content-type': 'application/schema+json' } });
