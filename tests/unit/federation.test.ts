// Federation settings (HOIDAP_FEDERATE, HOIDAP_FEDERATE_ALLOW), the headers they produce, and the
// pure merging helpers of the search page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  extraFilterOptions,
  parseFederate,
  parseFederateAllow,
  partnerLabel,
  partnerOf,
  type SiteInfo,
} from '../../src/search/federation.ts';
import { mergeVocabularies, parseVocabulary } from '../../src/search/vocabulary.ts';
import { COMMON_HEADERS, SITE_CSP, corsHeaders, headerRules, headersFile, headersFor, parseHeadersFile, siteCsp } from '../../src/publish/security-headers.ts';

describe('parseFederate', () => {
  it('reads base URLs with optional labels, normalising the trailing slash', () => {
    expect(parseFederate(' https://moit.example/hoi-dap|Bộ Công Thương , https://congthuong.nghean.example ')).toEqual([
      { base: 'https://moit.example/hoi-dap/', origin: 'https://moit.example', label: 'Bộ Công Thương' },
      { base: 'https://congthuong.nghean.example/', origin: 'https://congthuong.nghean.example', label: '' },
    ]);
    expect(parseFederate(undefined)).toEqual([]);
    expect(parseFederate('  ')).toEqual([]);
  });

  it.each([
    ['moit.example/hoi-dap/', /item 1 .*not an absolute URL/],
    ['https://a.example/,ftp://b.example/', /item 2 .*must be http\(s\)/],
    ['https://a.example/?x=1', /query or fragment/],
    ['https://u:p@a.example/', /credentials/],
    ['https://a.example/|', /empty label/],
    ['https://a.example/,', /item 2 .*empty base URL/],
    ['https://a.example/|<b>', /may not contain/],
    ['https://a.example/x,https://a.example/x/', /listed twice/],
  ])('rejects %j with a clear error', (raw, message) => {
    expect(() => parseFederate(raw)).toThrow(/HOIDAP_FEDERATE/);
    expect(() => parseFederate(raw)).toThrow(message);
  });
});

describe('parseFederateAllow', () => {
  it('reads "*" or a list of origins', () => {
    expect(parseFederateAllow('*')).toBe('*');
    expect(parseFederateAllow('https://a.example, http://127.0.0.1:4390/,https://a.example')).toEqual(['https://a.example', 'http://127.0.0.1:4390']);
    expect(parseFederateAllow('')).toEqual([]);
  });
  it.each([['https://a.example/path'], ['a.example'], ['https://a.example,*']])('rejects %j naming the variable', (raw) => {
    expect(() => parseFederateAllow(raw)).toThrow(/HOIDAP_FEDERATE_ALLOW, item \d/);
  });
});

describe('federation headers', () => {
  const sections = ['cau-hoi', 'data', 'pagefind', 'tim-kiem', 'sw.js'];

  it('adds exactly the partners to connect-src and keeps the rest of the policy', () => {
    const csp = siteCsp(['https://moit.example', 'http://127.0.0.1:4391']);
    expect(csp).toContain("connect-src 'self' https://moit.example http://127.0.0.1:4391;");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp.replace(' https://moit.example http://127.0.0.1:4391', '')).toBe(SITE_CSP);
    const rules = headerRules('/', sections, undefined, { partners: ['https://moit.example'] });
    expect(headersFor(rules, '/tim-kiem/')['Content-Security-Policy']).toBe(siteCsp(['https://moit.example']));
    expect(headersFor(rules, '/pagefind/pagefind-worker.js')['Content-Security-Policy']).toBe(siteCsp(['https://moit.example']));
  });

  it('makes only pagefind/ and data/ readable cross-origin, and only by the allowed origins', () => {
    const rules = parseHeadersFile(headersFile(headerRules('/hoi-dap/', sections, undefined, { allow: ['https://a.example', 'https://b.example'] })));
    const pf = headersFor(rules, '/hoi-dap/pagefind/pagefind-entry.json', 'https://b.example');
    expect(pf['Access-Control-Allow-Origin']).toBe('https://b.example');
    expect(pf['Access-Control-Allow-Methods']).toBe('GET, HEAD, OPTIONS');
    expect(pf.Vary).toBe('Origin');
    expect(pf['Content-Security-Policy']).toBe(SITE_CSP);
    for (const [k, v] of Object.entries(COMMON_HEADERS)) expect(pf[k]).toBe(v);
    expect(headersFor(rules, '/hoi-dap/data/site.json', 'https://a.example')['Access-Control-Allow-Origin']).toBe('https://a.example');
    expect(headersFor(rules, '/hoi-dap/data/site.json', 'https://evil.example')['Access-Control-Allow-Origin']).toBeUndefined();
    expect(headersFor(rules, '/hoi-dap/data/site.json')['Access-Control-Allow-Origin']).toBeUndefined();
    for (const p of ['/hoi-dap/', '/hoi-dap/cau-hoi/x/', '/hoi-dap/tim-kiem/', '/hoi-dap/admin/', '/hoi-dap/sw.js']) {
      expect(headersFor(rules, p, 'https://a.example')['Access-Control-Allow-Origin'], p).toBeUndefined();
    }
  });

  it('writes "*" and a single origin as they are, and nothing without HOIDAP_FEDERATE_ALLOW', () => {
    expect(headersFor(headerRules('/', sections, undefined, { allow: '*' }), '/pagefind/x', 'https://z.example')['Access-Control-Allow-Origin']).toBe('*');
    expect(corsHeaders('*').Vary).toBeUndefined();
    expect(headersFile(headerRules('/', sections, undefined, { allow: ['https://a.example'] }))).toContain('/data/*\n  Access-Control-Allow-Origin: https://a.example\n');
    const single = headerRules('/', sections, undefined, { allow: ['https://a.example'] });
    expect(headersFor(single, '/data/site.json')['Access-Control-Allow-Origin']).toBe('https://a.example');
    expect(headersFor(single, '/data/site.json', 'https://evil.example')['Access-Control-Allow-Origin']).toBeUndefined();
    expect(headersFile(headerRules('/', sections))).not.toContain('Access-Control');
  });

  it('deploy/nginx.conf grants CORS on pagefind/ and data/ only, with preflight and the security headers', () => {
    const conf = fs.readFileSync(path.resolve(import.meta.dirname, '../../deploy/nginx.conf'), 'utf8').replace(/#.*$/gm, '');
    expect(conf).toMatch(/map \$http_origin \$hoidap_cors_origin \{\s*default "";\s*\}/);
    const cors = [...conf.matchAll(/location \^~ (\S+) \{((?:[^{}]|\{[^{}]*\})*)\}/g)];
    expect(cors.map((m) => m[1])).toEqual(['/pagefind/', '/data/']);
    for (const [, , body] of cors) {
      expect(body).toContain('add_header Access-Control-Allow-Origin $hoidap_cors_origin always;');
      expect(body).toMatch(/if \(\$request_method = OPTIONS\) \{ return 204; \}/);
      expect(body).toContain(`add_header Content-Security-Policy "${SITE_CSP}" always;`);
      for (const [k, v] of Object.entries(COMMON_HEADERS)) expect(body).toContain(`add_header ${k} "${v}" always;`);
    }
    expect(conf.match(/Access-Control-Allow-Origin/g)).toHaveLength(2);
  });
});

describe('merging banks on the search page', () => {
  const partners = parseFederate('https://moit.example/hoi-dap/|Bộ,https://na.example/');
  const info = (name: string): SiteInfo => ({
    name,
    baseUrl: 'https://na.example/',
    fields: [{ id: 'dat-dai', name: 'Đất đai' }, { id: 'khuyen-cong', name: 'Khuyến công' }],
    units: [{ id: 'so-ct-na', name: 'Sở Công Thương Nghệ An', level: 'province' }],
    builtAt: '2026-11-30T00:00:00Z',
    contentVersion: 'x',
  });

  it('finds the bank of a result URL and names it', () => {
    expect(partnerOf('https://moit.example/hoi-dap/cau-hoi/a/', partners)?.label).toBe('Bộ');
    expect(partnerOf('https://moit.example/khac/cau-hoi/a/', partners)).toBeUndefined();
    expect(partnerOf('/cau-hoi/a/', partners)).toBeUndefined();
    expect(partnerLabel(partners[1], info('Sở Công Thương Nghệ An'))).toBe('Sở Công Thương Nghệ An');
    expect(partnerLabel(partners[1])).toBe('na.example');
    expect(partnerLabel(partners[0], info('x'))).toBe('Bộ');
  });

  it("adds only unknown filter values, with the bank's labels", () => {
    const known = { field: new Set(['', 'dat-dai']), owner: new Set(['']), level: new Set(['']) };
    expect(extraFilterOptions(known, [{ label: 'NA', info: info('NA') }, { label: 'NA2', info: info('NA2') }])).toEqual({
      field: [{ value: 'khuyen-cong', text: 'Khuyến công (NA)' }],
      owner: [{ value: 'so-ct-na', text: 'Sở Công Thương Nghệ An (NA)' }],
    });
    expect(extraFilterOptions(known, [{ label: 'bad', info: { fields: 'x', units: [{ id: 1 }] } as unknown as SiteInfo }])).toEqual({ field: [], owner: [] });
  });

  it('widens the vocabulary with a partner\'s: its words, spellings and counts join the local ones', () => {
    const local = parseVocabulary({ docs: 2, words: ['dat', 'dai'], df: [2, 1], forms: { đất: 2, đai: 1 }, terms: { 'dat dai': 1 }, head: 'dat' });
    const partner = parseVocabulary({ docs: 3, words: ['gom', 'dat', 'nung'], df: [3, 1, 2], forms: { gốm: 3, đất: 1, nung: 2 }, terms: {}, head: 'gom' });
    const merged = mergeVocabularies(local, [partner]);
    expect(merged.docs).toBe(5);
    expect(merged.list).toEqual(['dat', 'gom', 'nung', 'dai']);
    expect(merged.df.get('dat')).toBe(3);
    expect(merged.forms.get('gốm')).toBe(3);
    expect(merged.known.has('nung')).toBe(true);
    expect([...merged.head].sort()).toEqual(['dat', 'gom']);
    expect(merged.terms.get('dat dai')).toBe(1);
    expect(mergeVocabularies(local, [])).toBe(local);
  });
});
