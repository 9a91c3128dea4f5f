// `npm start`: builds the production site and serves it on http://127.0.0.1:4321 (PORT to change)
// the way a production server would: precompressed assets and the security and CORS headers of
// dist/_headers (CORS preflights included).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT as project } from '../node/project.ts';
import { serveSite } from '../node/serve.ts';
import { headersFor, parseHeadersFile } from '../publish/security-headers.ts';
import { siteBase } from '../site.config.ts';

const build = spawnSync(process.execPath, [path.join(project, 'src/cli/build.ts')], { stdio: 'inherit', cwd: project });
if (build.status !== 0) process.exit(build.status ?? 1);

const dist = path.join(project, 'dist');
const rules = parseHeadersFile(fs.readFileSync(path.join(dist, '_headers'), 'utf8'));
const served = await serveSite(dist, siteBase(), Number(process.env.PORT ?? 4321), (p, origin) => headersFor(rules, p, origin));
console.log(`\nHỏi đáp hai cấp is served at ${served.url()}  (Ctrl+C to stop)`);
