// `npm start`: builds the production site and serves it on http://127.0.0.1:4321 (PORT to change).
import { spawnSync, spawn } from 'node:child_process';

const astro = new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url).pathname;
const build = spawnSync(process.execPath, [astro, 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const port = process.env.PORT ?? '4321';
const preview = spawn(process.execPath, [astro, 'preview', '--host', '127.0.0.1', '--port', port], { stdio: 'inherit' });
preview.on('exit', (code) => process.exit(code ?? 0));
