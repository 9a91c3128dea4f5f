// /admin/fonts/<name>.woff2: the fonts of the Sveltia CMS interface (text and icons), from the npm
// package, so the CMS needs no font CDN (src/cms/sveltia.ts).
import fs from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { sveltiaFonts } from '../../../cms/sveltia.ts';

export const getStaticPaths: GetStaticPaths = () => [...sveltiaFonts()].map(([font, file]) => ({ params: { font }, props: { file } }));

export const GET: APIRoute = ({ props }) =>
  new Response(fs.readFileSync((props as { file: string }).file), { headers: { 'Content-Type': 'font/woff2' } });
