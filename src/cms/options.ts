// Deployment settings of the CMS at /admin/, read from environment variables at build time.
//   HOIDAP_CMS_BACKEND       github (default) | gitlab | gitea
//   HOIDAP_CMS_REPO          owner/repo holding the content (default bo-cong-thuong/hoi-dap-noi-dung)
//   HOIDAP_CMS_BRANCH        branch to read and commit to (default main)
//   HOIDAP_CMS_API_ROOT      API URL of a self-hosted GitLab/Gitea/GitHub Enterprise server
//   HOIDAP_CMS_AUTH_URL      OAuth helper origin (e.g. a Sveltia CMS Authenticator); without it,
//                            editors sign in with an access token
//   HOIDAP_CMS_CONTENT_PATH  path of the content root inside the repository ('' or '.' = its root);
//                            default: the content root's path inside its Git working tree
//   HOIDAP_CMS_PUBLISH_MODE  simple (default: commit to the branch) | editorial_workflow (pull requests)
import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '@sveltia/cms';
import { absoluteUrl } from '../publish/urls.ts';
import { siteBase, siteUrl } from '../site.config.ts';
import type { CmsOptions } from './config.ts';

export const DEFAULT_CMS_REPO = 'bo-cong-thuong/hoi-dap-noi-dung';

/** The content root's path relative to the root of the Git working tree that holds it ('' if none). */
export function pathInRepository(root: string): string {
  let dir = path.resolve(root);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return path.relative(dir, path.resolve(root)).split(path.sep).join('/');
    const parent = path.dirname(dir);
    if (parent === dir) return '';
    dir = parent;
  }
}

export function cmsOptionsFromEnv(root: string, env: NodeJS.ProcessEnv = process.env): CmsOptions {
  const get = (name: string) => env[name]?.trim() || undefined;
  const name = get('HOIDAP_CMS_BACKEND') ?? 'github';
  if (name !== 'github' && name !== 'gitlab' && name !== 'gitea') {
    throw new Error(`HOIDAP_CMS_BACKEND must be github, gitlab or gitea (got "${name}")`);
  }
  const backend = {
    name,
    repo: get('HOIDAP_CMS_REPO') ?? DEFAULT_CMS_REPO,
    branch: get('HOIDAP_CMS_BRANCH') ?? 'main',
    ...(get('HOIDAP_CMS_API_ROOT') ? { api_root: get('HOIDAP_CMS_API_ROOT') } : {}),
    ...(get('HOIDAP_CMS_AUTH_URL') ? { base_url: get('HOIDAP_CMS_AUTH_URL') } : {}),
    commit_messages: {
      create: 'Thêm {{collection}} “{{slug}}”',
      update: 'Cập nhật {{collection}} “{{slug}}”',
      delete: 'Xóa {{collection}} “{{slug}}”',
      uploadMedia: 'Tải lên “{{path}}”',
      deleteMedia: 'Xóa “{{path}}”',
    },
  } as Backend;
  const contentPath = env.HOIDAP_CMS_CONTENT_PATH !== undefined ? env.HOIDAP_CMS_CONTENT_PATH.trim() : pathInRepository(root);
  const mode = get('HOIDAP_CMS_PUBLISH_MODE') ?? 'simple';
  if (mode !== 'simple' && mode !== 'editorial_workflow') {
    throw new Error(`HOIDAP_CMS_PUBLISH_MODE must be simple or editorial_workflow (got "${mode}")`);
  }
  const base = siteBase(env);
  return {
    backend,
    contentPath: contentPath.replace(/^\.?\/+|\/+$/g, '').replace(/^\.$/, ''),
    base,
    siteUrl: absoluteUrl(siteUrl(env), base, ''),
    publishMode: mode,
  };
}

/** Default API root of each git host, when HOIDAP_CMS_API_ROOT does not name a self-hosted one. */
const DEFAULT_API_ROOT: Record<string, string> = {
  github: 'https://api.github.com',
  gitlab: 'https://gitlab.com/api/v4',
  gitea: 'https://gitea.com/api/v1',
};

/** The origin of the configured git host's API: the only host the CMS may connect to (admin CSP). */
export function cmsApiOrigin(backend: Pick<Backend, 'name'> & { api_root?: string }): string {
  return new URL(backend.api_root ?? DEFAULT_API_ROOT[backend.name] ?? DEFAULT_API_ROOT.github!).origin;
}
