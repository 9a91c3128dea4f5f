// The CMS at /admin/ (Sveltia CMS) against the content contract: its generated configuration agrees
// with the zod schemas key by key, offers exactly the content root's fields and units, and the built
// site serves the page, the configuration and the application itself.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import YAML from 'yaml';
import { z } from 'astro/zod';
import type { CmsConfig } from '@sveltia/cms';
import { cmsConfig, fieldOptions, unitOptions, DATE_FORMAT, type CmsOptions } from '../../src/cms/config.ts';
import { compareWithSchema } from '../../src/cms/compare.ts';
import { CONTRACT_SCHEMAS, describeSchema } from '../../src/cms/contract.ts';
import { FIELD_TEXT } from '../../src/cms/labels.ts';
import { cmsOptionsFromEnv, DEFAULT_CMS_REPO, pathInRepository } from '../../src/cms/options.ts';
import { LOCAL_LOCALES, sveltiaFonts, sveltiaLocale, sveltiaScript } from '../../src/cms/sveltia.ts';
import { loadContent } from '../../src/content/load-content.ts';
import { PROJECT } from '../../src/node/build-site.ts';
import { ENTRY_STATUSES, DOCUMENT_STATUSES, LEVELS, SLUG_PATTERN, SUMMARY_MAX, fieldSchema } from '../../src/schema/index.ts';
import { MINIMAL_ROOT } from '../helpers/fixture-root.ts';

const { model } = loadContent(MINIMAL_ROOT);
const options: CmsOptions = {
  backend: { name: 'github', repo: 'so-ct/noi-dung', branch: 'main' },
  contentPath: 'content',
  base: '/',
  siteUrl: 'https://hoidap.example.gov.vn/',
};
const config = cmsConfig(model, options);

type AnyField = { name: string; widget?: string; required?: boolean; [k: string]: unknown };
type AnyCollection = { name: string; folder?: string; fields?: AnyField[]; files?: { file: string; fields: AnyField[] }[]; [k: string]: unknown };
const collection = (c: CmsConfig, name: string) => (c.collections as unknown as AnyCollection[]).find((x) => x.name === name)!;
const fieldsOf = (c: CmsConfig, name: string) => collection(c, name).fields!;
const field = (c: CmsConfig, coll: string, name: string) => fieldsOf(c, coll).find((f) => f.name === name)!;
const clone = (c: CmsConfig) => structuredClone(c) as CmsConfig;
const shapeKeys = (schema: z.ZodType) => Object.keys((schema as unknown as z.ZodObject).shape);

describe('the CMS configuration agrees with the zod schemas', () => {
  it('has no difference from the contract, key by key, for every collection', () => {
    expect(compareWithSchema(config, CONTRACT_SCHEMAS, model)).toEqual([]);
  });

  it('offers exactly the keys of each schema, in the contract order (entries: plus the Markdown body)', () => {
    // Read straight from the zod objects, independently of the generator's schema walker.
    expect(fieldsOf(config, 'fields').map((f) => f.name)).toEqual(shapeKeys(CONTRACT_SCHEMAS.fields));
    expect(fieldsOf(config, 'units').map((f) => f.name)).toEqual(shapeKeys(CONTRACT_SCHEMAS.units));
    expect(fieldsOf(config, 'documents').map((f) => f.name)).toEqual(shapeKeys(CONTRACT_SCHEMAS.documents));
    expect(fieldsOf(config, 'entries').map((f) => f.name)).toEqual([...shapeKeys(CONTRACT_SCHEMAS.entries), 'body']);
    expect(field(config, 'entries', 'body').widget).toBe('markdown');
  });

  it('marks as required exactly the keys the schema requires', () => {
    for (const name of ['fields', 'units', 'documents', 'entries'] as const) {
      const shape = (CONTRACT_SCHEMAS[name] as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
      for (const [key, schema] of Object.entries(shape)) {
        const optional = schema.safeParse(undefined).success;
        expect(field(config, name, key).required !== false, `${name}.${key}`).toBe(!optional);
      }
    }
    // Spot checks against the contract's text.
    expect(field(config, 'entries', 'answered').required).toBeUndefined();
    expect(field(config, 'entries', 'asked').required).toBe(false);
    expect(field(config, 'units', 'parent').required).toBe(false);
  });

  it('stores every date as YYYY-MM-DD, with a date-only picker', () => {
    const dates = [
      ['entries', 'asked'],
      ['entries', 'answered'],
      ['entries', 'reviewed'],
      ['entries', 'withdrawn'],
      ['documents', 'issued'],
      ['documents', 'effective'],
      ['documents', 'changed'],
    ];
    for (const [coll, key] of dates) {
      expect(field(config, coll!, key!), `${coll}.${key}`).toMatchObject({ widget: 'datetime', type: 'date', format: DATE_FORMAT, date_format: DATE_FORMAT, time_format: false });
    }
    const allDates = (['entries', 'documents', 'fields', 'units'] as const).flatMap((c) => fieldsOf(config, c).filter((f) => f.widget === 'datetime').map((f) => `${c}.${f.name}`));
    expect(allDates.sort()).toEqual(dates.map(([c, k]) => `${c}.${k}`).sort());
    // The change notes list: a date (default today) and a note per item.
    const changes = field(config, 'entries', 'changes') as AnyField & { fields: AnyField[] };
    expect(changes).toMatchObject({ widget: 'list', required: false });
    expect(changes.fields.find((f) => f.name === 'date')).toMatchObject({ widget: 'datetime', type: 'date', format: DATE_FORMAT, default: '{{now}}' });
    expect(changes.fields.find((f) => f.name === 'note')).toMatchObject({ widget: 'text' });
    expect(changes.fields.map((f) => f.name)).toEqual(['date', 'note']);
  });

  it('offers the enums as selects with the schema values, with Vietnamese labels', () => {
    const values = (f: AnyField) => (f.options as { value: string }[]).map((o) => o.value);
    expect(field(config, 'entries', 'levels')).toMatchObject({ widget: 'select', multiple: true, min: 1 });
    expect(values(field(config, 'entries', 'levels'))).toEqual([...LEVELS]);
    expect(values(field(config, 'units', 'level'))).toEqual([...LEVELS]);
    expect(values(field(config, 'entries', 'status'))).toEqual([...ENTRY_STATUSES]);
    expect(field(config, 'entries', 'status').default).toBe('published');
    expect(values(field(config, 'documents', 'status'))).toEqual([...DOCUMENT_STATUSES]);
    expect((field(config, 'entries', 'levels').options as { label: string }[]).map((o) => o.label)).toEqual(['Cấp xã', 'Cấp tỉnh', 'Cấp bộ']);
  });

  it('nests lists as the schema does: lists of text, the legal basis items, the synonym groups', () => {
    for (const key of ['aliases', 'can', 'cannot', 'tags']) {
      expect(field(config, 'entries', key), key).toMatchObject({ widget: 'list', required: false, field: { widget: 'string' } });
    }
    const legal = field(config, 'entries', 'legal_basis');
    expect(legal.widget).toBe('list');
    expect((legal.fields as AnyField[]).map((f) => [f.name, f.widget, f.required])).toEqual([
      ['document', 'string', false],
      ['ref', 'relation', false],
      ['article', 'string', false],
      ['url', 'string', false],
    ]);
    expect((legal.fields as AnyField[])[1]).toMatchObject({ collection: 'documents', value_field: '{{slug}}' });
    const synonyms = collection(config, 'synonyms').files![0]!;
    expect(synonyms.file).toBe('content/synonyms.yaml');
    expect(synonyms.fields).toEqual([expect.objectContaining({ widget: 'list', root: true, field: expect.objectContaining({ widget: 'list', min: 1, field: expect.objectContaining({ widget: 'string' }) }) })]);
  });

  it('checks ids against the slug pattern and the summary against its length limit', () => {
    expect(field(config, 'entries', 'id').pattern).toEqual([SLUG_PATTERN.source, expect.stringContaining('chữ thường không dấu')]);
    expect(field(config, 'entries', 'summary').maxlength).toBe(SUMMARY_MAX);
    expect(field(config, 'entries', 'review_months')).toMatchObject({ widget: 'number', value_type: 'int', min: 1, max: 120 });
    expect(field(config, 'fields', 'order')).toMatchObject({ widget: 'number', value_type: 'float' });
    expect(field(config, 'units', 'email')).toMatchObject({ widget: 'string', type: 'email' });
  });

  it('refers to entries by their id and to documents by their file name', () => {
    expect(field(config, 'entries', 'superseded_by')).toMatchObject({ widget: 'relation', collection: 'entries', value_field: 'id' });
    expect(field(config, 'entries', 'related')).toMatchObject({ widget: 'relation', collection: 'entries', value_field: 'id', multiple: true });
    expect(field(config, 'documents', 'replaced_by')).toMatchObject({ widget: 'relation', collection: 'documents', value_field: '{{slug}}' });
  });

  it('gives every key a Vietnamese label', () => {
    const unlabeled: string[] = [];
    const walk = (fields: AnyField[], at: string) => {
      for (const f of fields) {
        if (!f.label || f.label === f.name) unlabeled.push(`${at}${f.name}`);
        if (Array.isArray(f.fields)) walk(f.fields as AnyField[], `${at}${f.name}.`);
        if (f.field) walk([f.field as AnyField], `${at}${f.name}[].`);
      }
    };
    for (const name of ['fields', 'units', 'documents', 'entries']) walk(fieldsOf(config, name), `${name}.`);
    walk(collection(config, 'synonyms').files![0]!.fields, 'synonyms.');
    expect(unlabeled).toEqual([]);
    expect(Object.keys(FIELD_TEXT)).toEqual(expect.arrayContaining(['entries', 'fields', 'units', 'documents', 'synonyms']));
  });
});

describe('a change on either side is caught', () => {
  it('reports a key removed, added, made optional, an enum changed and a date stored differently', () => {
    const altered = clone(config);
    const entries = collection(altered, 'entries');
    entries.fields = entries.fields!.filter((f) => f.name !== 'topic');
    entries.fields.push({ name: 'priority', label: 'Ưu tiên', widget: 'string' });
    field(altered, 'entries', 'reviewed').required = false;
    (field(altered, 'units', 'level').options as { value: string }[]).push({ value: 'district' } as never);
    field(altered, 'documents', 'issued').format = 'DD/MM/YYYY';
    (field(altered, 'entries', 'legal_basis').fields as AnyField[]).find((f) => f.name === 'article')!.required = true;
    const differences = compareWithSchema(altered, CONTRACT_SCHEMAS, model);
    expect(differences).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^entries\.topic: in the schema, missing from the CMS/),
        expect.stringMatching(/^entries\.priority: in the CMS, not in the schema/),
        expect.stringMatching(/^entries\.reviewed: required in the schema is true, in the CMS false/),
        expect.stringMatching(/^units\.level: options/),
        expect.stringMatching(/^documents\.issued: does not store a date as YYYY-MM-DD/),
        expect.stringMatching(/^entries\.legal_basis\[\]\.article: required in the schema is false, in the CMS true/),
      ]),
    );
    expect(differences).toHaveLength(6);
  });

  it('reports an id stored inside a YAML file, a field list that is not the content root\'s, and a missing body', () => {
    const altered = clone(config);
    fieldsOf(altered, 'units').unshift({ name: 'id', label: 'Mã', widget: 'string' });
    (field(altered, 'entries', 'field').options as { value: string }[]).pop();
    const entries = collection(altered, 'entries');
    entries.fields = entries.fields!.filter((f) => f.name !== 'body');
    const differences = compareWithSchema(altered, CONTRACT_SCHEMAS, model);
    expect(differences).toEqual(
      expect.arrayContaining([
        'entries.body: the Markdown body field is missing',
        expect.stringMatching(/^entries\.field: options are/),
        expect.stringMatching(/^units\.id: in the CMS, not in the schema/),
      ]),
    );
    expect(differences).toHaveLength(3);
  });

  it('reports a new key in a schema until the configuration offers it', () => {
    const schemas = { ...CONTRACT_SCHEMAS, fields: fieldSchema.extend({ color: z.string().optional() }) };
    expect(compareWithSchema(config, schemas, model)).toEqual(['fields.color: in the schema, missing from the CMS']);
    // The generator follows the schema, so the configuration built from it agrees again.
    const regenerated = cmsConfig(model, options, schemas);
    expect(compareWithSchema(regenerated, schemas, model)).toEqual([]);
    expect(field(regenerated, 'fields', 'color')).toMatchObject({ widget: 'string', required: false });
  });

  it('refuses a schema type it cannot express rather than guessing', () => {
    expect(() => describeSchema(z.object({ at: z.bigint() }))).toThrow(/at: the CMS configuration cannot express a zod "bigint" schema/);
  });
});

describe('fields and units are chosen from the content root', () => {
  it('offers exactly the fields of tests/fixtures/minimal, in home-page order, by id and name', () => {
    const f = field(config, 'entries', 'field');
    expect(f.widget).toBe('select');
    expect((f.options as { value: string }[]).map((o) => o.value).sort()).toEqual([...model.fields.keys()].sort());
    expect(f.options).toEqual(fieldOptions(model));
    const ordered = [...model.fields].sort(([, a], [, b]) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity));
    expect((f.options as { value: string; label: string }[])[0]).toEqual({ value: ordered[0]![0], label: `${ordered[0]![1].data.name} (${ordered[0]![0]})` });
  });

  it('offers exactly the units as owner and parent, grouped by level (ministry, province, commune)', () => {
    for (const [coll, key] of [['entries', 'owner'], ['units', 'parent']] as const) {
      const f = field(config, coll, key);
      expect(f.widget).toBe('select');
      expect((f.options as { value: string }[]).map((o) => o.value).sort()).toEqual([...model.units.keys()].sort());
      expect(f.options).toEqual(unitOptions(model));
    }
    const labels = unitOptions(model).map((o) => o.label);
    const rank = (l: string) => ['Cấp bộ', 'Cấp tỉnh', 'Cấp xã'].findIndex((p) => l.startsWith(p));
    expect(labels.every((l) => rank(l) >= 0)).toBe(true);
    expect(labels.map(rank)).toEqual([...labels.map(rank)].sort());
    expect(labels).toContain('Cấp tỉnh · Sở Công Thương Nghệ An (so-cong-thuong-nghe-an)');
  });

  it('falls back to picking from the collection when a content root has no fields or units yet', () => {
    const empty = cmsConfig({ fields: new Map(), units: new Map() }, options);
    expect(field(empty, 'entries', 'field')).toMatchObject({ widget: 'relation', collection: 'fields', value_field: '{{slug}}' });
    expect(field(empty, 'entries', 'owner')).toMatchObject({ widget: 'relation', collection: 'units', value_field: '{{slug}}' });
    expect(compareWithSchema(empty, CONTRACT_SCHEMAS, { fields: new Map(), units: new Map() })).toEqual([]);
  });
});

describe('collections and files', () => {
  it('reads and writes the content root layout of the contract', () => {
    expect(collection(config, 'entries')).toMatchObject({
      folder: 'content/entries',
      extension: 'md',
      format: 'frontmatter',
      create: true,
      slug: '{{fields.id}}',
      path: '{{fields.field}}/{{slug}}',
      preview_path: 'cau-hoi/{{fields.id}}/',
    });
    for (const name of ['fields', 'units', 'documents']) {
      const c = collection(config, name);
      expect(c, name).toMatchObject({ folder: `content/${name}`, extension: 'yaml', format: 'yaml', create: true });
      // The id is the file name: set once, checked against the slug pattern, never a key in the file.
      expect(c.slug, name).toMatchObject({ editable: ['create'], pattern: [SLUG_PATTERN.source, expect.any(String)] });
      expect(c.fields!.map((f) => f.name), name).not.toContain('id');
    }
    expect(config.output).toEqual({ omit_empty_optional_fields: true });
    expect(config.backend).toEqual(options.backend);
    expect(config).toMatchObject({ media_folder: 'public/uploads', public_folder: '/uploads', site_url: 'https://hoidap.example.gov.vn/' });
  });

  it('puts the collections at the repository root when the content root is the repository', () => {
    const atRoot = cmsConfig(model, { ...options, contentPath: '' });
    expect(collection(atRoot, 'entries').folder).toBe('entries');
    expect(collection(atRoot, 'units').folder).toBe('units');
    expect(collection(atRoot, 'synonyms').files![0]!.file).toBe('synonyms.yaml');
  });
});

describe('deployment settings (HOIDAP_CMS_*)', () => {
  it('defaults to the GitHub repository of the ministry, branch main, content path inside the Git tree', () => {
    const o = cmsOptionsFromEnv(MINIMAL_ROOT, {});
    expect(o.backend).toMatchObject({ name: 'github', repo: DEFAULT_CMS_REPO, branch: 'main' });
    expect(o.contentPath).toBe(pathInRepository(MINIMAL_ROOT));
    if (fs.existsSync(path.join(PROJECT, '.git'))) expect(o.contentPath).toBe('tests/fixtures/minimal');
    expect(o).toMatchObject({ base: '/', siteUrl: 'http://localhost:4321/', publishMode: 'simple' });
  });

  it('reads the backend, repository, branch, content path, base and publish mode from the environment', () => {
    const o = cmsOptionsFromEnv(MINIMAL_ROOT, {
      HOIDAP_CMS_BACKEND: 'gitlab',
      HOIDAP_CMS_REPO: 'so-ct-nghe-an/hoi-dap',
      HOIDAP_CMS_BRANCH: 'noi-dung',
      HOIDAP_CMS_API_ROOT: 'https://git.nghean.gov.vn/api/v4',
      HOIDAP_CMS_AUTH_URL: 'https://auth.nghean.gov.vn',
      HOIDAP_CMS_CONTENT_PATH: './',
      HOIDAP_CMS_PUBLISH_MODE: 'editorial_workflow',
      SITE_URL: 'https://hoidap.nghean.gov.vn',
      SITE_BASE: '/hoi-dap/',
    });
    expect(o.backend).toMatchObject({ name: 'gitlab', repo: 'so-ct-nghe-an/hoi-dap', branch: 'noi-dung', api_root: 'https://git.nghean.gov.vn/api/v4', base_url: 'https://auth.nghean.gov.vn' });
    expect(o).toMatchObject({ contentPath: '', base: '/hoi-dap/', siteUrl: 'https://hoidap.nghean.gov.vn/hoi-dap/', publishMode: 'editorial_workflow' });
    const c = cmsConfig(model, o);
    expect(c).toMatchObject({ publish_mode: 'editorial_workflow', public_folder: '/hoi-dap/uploads' });
    expect(() => cmsOptionsFromEnv(MINIMAL_ROOT, { HOIDAP_CMS_BACKEND: 'netlify' })).toThrow(/github, gitlab or gitea/);
  });
});

describe('the Sveltia CMS application is served by the site', () => {
  it('loads its Vietnamese strings and its fonts from the site, not from unpkg.com or cdn.jsdelivr.net', () => {
    const script = sveltiaScript('/');
    expect(script, 'the locale URL pattern of this Sveltia version was not found').toContain(LOCAL_LOCALES);
    expect(script).not.toContain('cdn.jsdelivr.net');
    expect(script).not.toMatch(/sourceMappingURL/);
    expect([...sveltiaFonts().keys()]).toEqual(expect.arrayContaining(['material-symbols-outlined-latin-wght-normal.woff2']));
    for (const font of sveltiaFonts().keys()) expect(script).toContain(`/admin/fonts/${font}`);
    expect(sveltiaScript('/hoi-dap/')).toContain('/hoi-dap/admin/fonts/');
  });
});

describe('the built site (minimal fixture root)', () => {
  const out = inject('sites').minimal;
  const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8');

  it('serves /admin/ as a bare Vietnamese page that search engines skip and the site search does not index', () => {
    const html = read('admin/index.html');
    expect(html).toMatch(/<html lang="vi"/);
    expect(html).toContain('<title>Quản trị nội dung | Hỏi đáp hai cấp</title>');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('<link href="/admin/config.yml" type="application/yaml" rel="cms-config-url">');
    expect(html).toContain('<script src="/admin/sveltia-cms.js"></script>');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves /admin/config.yml: the configuration generated for this content root', () => {
    const served = YAML.parse(read('admin/config.yml')) as CmsConfig;
    const expected = cmsConfig(model, cmsOptionsFromEnv(MINIMAL_ROOT, process.env));
    expect(served).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(compareWithSchema(served, CONTRACT_SCHEMAS, model)).toEqual([]);
  });

  it('serves the Sveltia script, its Vietnamese strings and its fonts', () => {
    expect(read('admin/sveltia-cms.js')).toBe(sveltiaScript('/'));
    expect(read('admin/locales/vi.json')).toBe(sveltiaLocale('vi'));
    for (const [font, file] of sveltiaFonts()) {
      expect(fs.readFileSync(path.join(out, 'admin/fonts', font)).equals(fs.readFileSync(file)), font).toBe(true);
    }
  });
});

describe('the built site under a sub-path (SITE_BASE=/hoi-dap/)', () => {
  const out = inject('sites').minimalBase;

  it('points the page, the script, its fonts and the media folder at the base', () => {
    const html = fs.readFileSync(path.join(out, 'admin/index.html'), 'utf8');
    expect(html).toContain('<link href="/hoi-dap/admin/config.yml" type="application/yaml" rel="cms-config-url">');
    expect(html).toContain('<script src="/hoi-dap/admin/sveltia-cms.js"></script>');
    expect(fs.readFileSync(path.join(out, 'admin/sveltia-cms.js'), 'utf8')).toBe(sveltiaScript('/hoi-dap/'));
    const served = YAML.parse(fs.readFileSync(path.join(out, 'admin/config.yml'), 'utf8')) as CmsConfig;
    expect(served).toMatchObject({ public_folder: '/hoi-dap/uploads', site_url: expect.stringMatching(/\/hoi-dap\/$/) });
  });
});
