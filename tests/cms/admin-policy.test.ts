// /admin/ talks only to the configured git host (issue 16): the admin CSP names that host's API and
// nothing else, and the served CMS script has its status-page and update checks removed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { cmsApiOrigin } from '../../src/cms/options.ts';
import { STATUS_CHECK, sveltiaScript, UPDATE_CHECK } from '../../src/cms/sveltia.ts';
import { ADMIN_CSP, adminCsp, headersFor, parseHeadersFile } from '../../src/publish/security-headers.ts';

const connectSrc = (csp: string) => /connect-src ([^;]+)/.exec(csp)![1]!.split(' ');

describe('the admin policy', () => {
  it("connects to the site and the configured git host's API only", () => {
    expect(connectSrc(ADMIN_CSP)).toEqual(["'self'", 'data:', 'blob:', 'https://api.github.com']);
    expect(connectSrc(adminCsp(cmsApiOrigin({ name: 'gitlab' })))).toEqual(["'self'", 'data:', 'blob:', 'https://gitlab.com']);
    expect(connectSrc(adminCsp(cmsApiOrigin({ name: 'gitea', api_root: 'https://git.congthuong.gov.vn/api/v1' })))).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://git.congthuong.gov.vn',
    ]);
    expect(() => adminCsp('http://git.local/api')).toThrow(/https/);
  });

  it("is what the built site's _headers sends for /admin/", () => {
    const dist = inject('sites').minimal;
    const rules = parseHeadersFile(fs.readFileSync(path.join(dist, '_headers'), 'utf8'));
    expect(headersFor(rules, '/admin/')['Content-Security-Policy']).toBe(ADMIN_CSP);
  });
});

describe('the served CMS script', () => {
  const original = fs.readFileSync(path.join(import.meta.dirname, '../../node_modules/@sveltia/cms/dist/sveltia-cms.js'), 'utf8');
  const served = sveltiaScript('/');
  it('still matches the patterns it is rewritten by (a new Sveltia version must be checked again)', () => {
    expect(original.match(STATUS_CHECK)?.length).toBeGreaterThan(0);
    expect(UPDATE_CHECK.test(original)).toBe(true);
  });
  it('polls no status page and asks no registry for updates', () => {
    expect(served.match(/checkStatus:[\w$]+,/g) ?? []).toEqual([]);
    expect(served).not.toMatch(UPDATE_CHECK);
    expect(served).toContain('AbortSignal.abort()');
  });
});
