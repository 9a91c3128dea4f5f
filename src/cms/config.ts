// Generates the Sveltia CMS configuration (Decap/Netlify CMS compatible) for /admin/ from the zod
// schemas of the content contract: every key, required flag, enum, list and nested object comes from
// the schema (via ./contract.ts), so the CMS writes exactly the contract. Field and unit pickers list
// the content root's fields and units. Pure: same model and options, same configuration.
//
// File names: a field's, unit's or document's id is its file name, never a key inside the YAML. Those
// collections use Sveltia's entry slug as the file name (`slug: { editable: [create] }`: typed once, on
// creation, prefilled from the name, checked against the id pattern) and `{{slug}}` as the value of
// references to them. An entry's id is a frontmatter key; new entry files are named after it
// (`slug: '{{fields.id}}'`) in the folder of their field (`path: '{{fields.field}}/{{slug}}'`).
import type {
  Backend,
  CmsConfig,
  DateTimeField,
  EntryCollection,
  Field,
  FileCollection,
  ListField,
  MarkdownField,
  NumberField,
  ObjectField,
  RelationField,
  SelectField,
  StringField,
  TextField,
} from '@sveltia/cms';
import type { FieldData, UnitData } from '../schema/index.ts';
import { SLUG_PATTERN, SUMMARY_MAX } from '../schema/index.ts';
import { paths } from '../publish/urls.ts';
import { compareVi } from '../content/catalog.ts';
import { t } from '../i18n/index.ts';
import { CONTRACT_SCHEMAS, describeContract, type ContractSchemas, type ObjectShape, type ShapeNode } from './contract.ts';
import { COLLECTIONS, FIELD_TEXT, FILE_ID, LEVEL_ORDER, OPTION_TEXT, SLUG_MESSAGE, type CollectionKey } from './labels.ts';

/** The part of the content model the configuration depends on: the lists editors pick from. */
export interface CmsModel {
  fields: ReadonlyMap<string, { data: Pick<FieldData, 'name' | 'order'> }>;
  units: ReadonlyMap<string, { data: Pick<UnitData, 'name' | 'level'> }>;
}

export interface CmsOptions {
  /** Where the CMS reads and writes: a Git hosting service and repository. */
  backend: Backend;
  /** Path of the content root inside that repository, `''` when the content root is the repository. */
  contentPath: string;
  /** Absolute URL of the published site, base path included (for "view on site" links). */
  siteUrl?: string;
  /** Base path the site is served under (`/` or `/hoi-dap/`). */
  base?: string;
  /** Commit straight to the branch (`simple`) or through pull requests (`editorial_workflow`). */
  publishMode?: 'simple' | 'editorial_workflow';
}

export const DATE_FORMAT = 'YYYY-MM-DD';
/** Field of the entries collection holding the Markdown body (not a frontmatter key). */
export const BODY_FIELD = 'body';
const URL_PATTERN = '^https?://';
const URL_MESSAGE = 'Nhập địa chỉ đầy đủ, bắt đầu bằng http:// hoặc https://';

interface Ctx {
  collection: CollectionKey;
  /** Key path for labels: `legal_basis[].ref`. */
  path: string;
  name: string;
  model: CmsModel;
}

const join = (...parts: string[]) => parts.filter(Boolean).join('/').replace(/\/+/g, '/');

/** Field options: id and name, in home-page order (`order`, then name). */
export function fieldOptions(model: CmsModel): { label: string; value: string }[] {
  return [...model.fields]
    .sort(([, a], [, b]) => (a.data.order ?? Infinity) - (b.data.order ?? Infinity) || compareVi(a.data.name, b.data.name))
    .map(([id, f]) => ({ label: `${f.data.name} (${id})`, value: id }));
}

/** Unit options: grouped by level (ministry, province, commune), then by name; the level leads the label. */
export function unitOptions(model: CmsModel): { label: string; value: string }[] {
  return [...model.units]
    .sort(([, a], [, b]) => LEVEL_ORDER.indexOf(a.data.level) - LEVEL_ORDER.indexOf(b.data.level) || compareVi(a.data.name, b.data.name))
    .map(([id, u]) => ({ label: `${t.levels[u.data.level] ?? u.data.level} · ${u.data.name} (${id})`, value: id }));
}

function common(node: ShapeNode, ctx: Ctx) {
  const text = FIELD_TEXT[ctx.collection][ctx.path];
  return {
    name: ctx.name,
    label: text?.label ?? ctx.name,
    ...(node.required ? {} : { required: false }),
    ...(text?.hint ? { hint: text.hint } : {}),
  };
}

function refField(node: Extract<ShapeNode, { kind: 'ref' }>, ctx: Ctx, multiple: boolean, min?: number): SelectField | RelationField {
  const many = multiple ? { multiple: true, ...(min ? { min } : {}) } : {};
  const picked = node.collection === 'fields' ? fieldOptions(ctx.model) : node.collection === 'units' ? unitOptions(ctx.model) : [];
  if (picked.length > 0) {
    // Fields and units: a fixed list of the content root's own, so a typo cannot name a missing one.
    return { ...common(node, ctx), widget: 'select', options: picked, dropdown_threshold: 0, ...many };
  }
  if (node.collection === 'entries') {
    return {
      ...common(node, ctx),
      widget: 'relation',
      collection: 'entries',
      value_field: 'id',
      search_fields: ['question', 'id'],
      display_fields: ['{{question}} ({{id}})'],
      // An entry cannot point to itself.
      ...(ctx.collection === 'entries' ? { filters: [{ field: 'id', values: ['{{fields.id}}'], exclude: true }] } : {}),
      ...many,
    };
  }
  const display = node.collection === 'documents' ? ['{{number}} – {{title}}'] : ['{{name}} ({{slug}})'];
  const search = node.collection === 'documents' ? ['number', 'title'] : ['name'];
  return { ...common(node, ctx), widget: 'relation', collection: node.collection, value_field: '{{slug}}', search_fields: search, display_fields: display, ...many };
}

function choiceOptions(values: string[], ctx: Ctx) {
  const labels = OPTION_TEXT[`${ctx.collection}.${ctx.path}`] ?? {};
  return values.map((value) => ({ label: labels[value] ?? value, value }));
}

function dateField(node: ShapeNode, ctx: Ctx): DateTimeField {
  const text = FIELD_TEXT[ctx.collection][ctx.path];
  return {
    ...common(node, ctx),
    widget: 'datetime',
    // Sveltia: a date-only input stored as YYYY-MM-DD, no time and no time zone. Decap/Netlify CMS
    // read the same from date_format and time_format.
    type: 'date',
    format: DATE_FORMAT,
    date_format: DATE_FORMAT,
    time_format: false,
    ...(text?.defaultToday ? { default: '{{now}}' } : {}),
  };
}

function render(node: ShapeNode, ctx: Ctx): Field {
  const text = FIELD_TEXT[ctx.collection][ctx.path];
  switch (node.kind) {
    case 'text': {
      if (node.pattern) return { ...common(node, ctx), widget: 'string', pattern: [node.pattern, SLUG_MESSAGE] } satisfies StringField;
      if (ctx.name === 'url') return { ...common(node, ctx), widget: 'string', type: 'url', pattern: [URL_PATTERN, URL_MESSAGE] } satisfies StringField;
      if (node.format === 'email') return { ...common(node, ctx), widget: 'string', type: 'email' } satisfies StringField;
      const maxlength = ctx.collection === 'entries' && ctx.path === 'summary' ? { maxlength: SUMMARY_MAX } : {};
      if (text?.multiline) return { ...common(node, ctx), widget: 'text', ...maxlength } satisfies TextField;
      return { ...common(node, ctx), widget: 'string', ...maxlength } satisfies StringField;
    }
    case 'number':
      return {
        ...common(node, ctx),
        widget: 'number',
        value_type: node.int ? 'int' : 'float',
        ...(node.min !== undefined ? { min: node.min } : {}),
        ...(node.max !== undefined ? { max: node.max } : {}),
      } satisfies NumberField;
    case 'date':
      return dateField(node, ctx);
    case 'choice':
      return {
        ...common(node, ctx),
        widget: 'select',
        options: choiceOptions(node.values, ctx),
        ...(typeof node.default === 'string' ? { default: node.default } : {}),
      } satisfies SelectField;
    case 'ref':
      return refField(node, ctx, false);
    case 'object':
      return { ...common(node, ctx), widget: 'object', fields: renderKeys(node, ctx) } satisfies ObjectField;
    case 'list': {
      const { item } = node;
      if (item.kind === 'choice') {
        return {
          ...common(node, ctx),
          widget: 'select',
          multiple: true,
          options: choiceOptions(item.values, ctx),
          ...(node.min ? { min: node.min } : {}),
        } satisfies SelectField;
      }
      if (item.kind === 'ref') return refField({ ...item, required: node.required }, ctx, true, node.min);
      const itemCtx = { ...ctx, path: `${ctx.path}[]` };
      const listCommon = {
        ...common(node, ctx),
        widget: 'list' as const,
        ...(text?.singular ? { label_singular: text.singular } : {}),
        ...(node.min ? { min: node.min } : {}),
      };
      if (item.kind === 'object') {
        return { ...listCommon, collapsed: 'auto', summary: summaryOf(item), fields: renderKeys(item, itemCtx) } satisfies ListField;
      }
      return { ...listCommon, field: render(item, { ...itemCtx, name: 'item' }) } satisfies ListField;
    }
  }
}

/** Collapsed list item label: the item's values, in order. */
const summaryOf = (node: ObjectShape) =>
  Object.keys(node.keys)
    .filter((k) => k !== 'url')
    .map((k) => `{{fields.${k}}}`)
    .join(' ');

function renderKeys(node: ObjectShape, ctx: Ctx): Field[] {
  const prefix = ctx.path ? `${ctx.path}.` : '';
  return Object.entries(node.keys).map(([name, child]) => render(child, { ...ctx, name, path: `${prefix}${name}` }));
}

function yamlCollection(
  name: 'fields' | 'units' | 'documents',
  shape: ObjectShape,
  model: CmsModel,
  options: CmsOptions,
  identifier: string,
  summary: string,
  preview: (slug: string) => string,
): EntryCollection {
  const c = COLLECTIONS[name];
  return {
    name,
    label: c.label,
    label_singular: c.singular,
    icon: c.icon,
    description: c.description,
    folder: join(options.contentPath, name),
    extension: 'yaml',
    format: 'yaml',
    create: true,
    identifier_field: identifier,
    // The file name is the id: set on creation (prefilled from the name for fields and units), then
    // fixed, since entries and links refer to it. Never a key inside the file.
    slug: {
      ...(identifier === 'name' ? { template: '{{name}}' } : {}),
      editable: ['create'],
      hint: FILE_ID[name].hint,
      pattern: [SLUG_PATTERN.source, SLUG_MESSAGE],
    },
    summary,
    ...(options.siteUrl ? { preview_path: preview('{{slug}}') } : {}),
    fields: renderKeys(shape, { collection: name, path: '', name: '', model }),
  };
}

/** The whole Sveltia CMS configuration for a content root. */
export function cmsConfig(model: CmsModel, options: CmsOptions, schemas: ContractSchemas = CONTRACT_SCHEMAS): CmsConfig {
  const shapes = describeContract(schemas);
  const base = options.base ?? '/';
  const entryFields = renderKeys(shapes.entries, { collection: 'entries', path: '', name: '', model });
  const body: MarkdownField = { name: BODY_FIELD, label: FIELD_TEXT.entries.body?.label ?? BODY_FIELD, widget: 'markdown', hint: FIELD_TEXT.entries.body?.hint };

  const entries: EntryCollection = {
    name: 'entries',
    label: COLLECTIONS.entries.label,
    icon: COLLECTIONS.entries.icon,
    label_singular: COLLECTIONS.entries.singular,
    description: COLLECTIONS.entries.description,
    folder: join(options.contentPath, 'entries'),
    extension: 'md',
    format: 'frontmatter',
    create: true,
    identifier_field: 'question',
    // The entry's id names its file; the page URL comes from the id alone, whatever the file name.
    slug: '{{fields.id}}',
    path: '{{fields.field}}/{{slug}}',
    summary: '{{question}}',
    sortable_fields: ['question', 'id', 'reviewed', 'answered'],
    view_filters: [
      { label: OPTION_TEXT['entries.status']!.draft!, field: 'status', pattern: 'draft' },
      { label: OPTION_TEXT['entries.status']!.superseded!, field: 'status', pattern: 'superseded' },
      { label: OPTION_TEXT['entries.status']!.withdrawn!, field: 'status', pattern: 'withdrawn' },
    ],
    view_groups: [
      { label: FIELD_TEXT.entries.field!.label, field: 'field' },
      { label: FIELD_TEXT.entries.owner!.label, field: 'owner' },
    ],
    // `aliases` is a contract key (other ways to ask), not a list of old URLs.
    aliases_field: false,
    ...(options.siteUrl ? { preview_path: paths.entry('{{fields.id}}') } : {}),
    fields: [...entryFields, body],
  };

  const synonyms: FileCollection = {
    name: 'synonyms',
    label: COLLECTIONS.synonyms.label,
    icon: COLLECTIONS.synonyms.icon,
    description: COLLECTIONS.synonyms.description,
    files: [
      {
        name: 'synonyms',
        label: COLLECTIONS.synonyms.label,
        file: join(options.contentPath, 'synonyms.yaml'),
        format: 'yaml',
        // The file is a bare list of groups: a top-level list.
        fields: [{ ...(render(shapes.synonyms, { collection: 'synonyms', path: '', name: 'groups', model }) as ListField), root: true } as ListField],
      },
    ],
  };

  const questions: EntryCollection | undefined = shapes.questions && {
    name: 'questions',
    label: COLLECTIONS.questions.label,
    label_singular: COLLECTIONS.questions.singular,
    icon: COLLECTIONS.questions.icon,
    description: COLLECTIONS.questions.description,
    folder: join(options.contentPath, 'questions'),
    extension: 'yaml',
    format: 'yaml',
    create: true,
    identifier_field: 'question',
    // New questions go to questions/<year of recording>/<id>.yaml; the id is a key inside the file.
    slug: '{{fields.id}}',
    path: '{{year}}/{{slug}}',
    summary: '{{question}} ({{status}})',
    sortable_fields: ['asked', 'status', 'assigned_to'],
    view_filters: [
      { label: t.questions.states.open!, field: 'status', pattern: 'open' },
      { label: t.questions.states.consulting!, field: 'status', pattern: 'consulting' },
    ],
    view_groups: [{ label: FIELD_TEXT.questions.assigned_to!.label, field: 'assigned_to' }],
    fields: renderKeys(shapes.questions, { collection: 'questions', path: '', name: '', model }),
  };

  return {
    backend: options.backend,
    ...(options.publishMode && options.publishMode !== 'simple' ? { publish_mode: options.publishMode } : {}),
    app_title: `Quản trị nội dung | ${t.siteName}`,
    ...(options.siteUrl ? { site_url: options.siteUrl } : {}),
    media_folder: 'public/uploads',
    public_folder: `${base}uploads`,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    // Optional keys left empty are not written: `topic: ""` would break the contract.
    output: { omit_empty_optional_fields: true },
    collections: [
      entries,
      yamlCollection('fields', shapes.fields, model, options, 'name', '{{name}} ({{slug}})', paths.field),
      yamlCollection('units', shapes.units, model, options, 'name', '{{name}} ({{slug}})', paths.unit),
      yamlCollection('documents', shapes.documents, model, options, 'number', '{{number}} – {{title}}', paths.document),
      synonyms,
      ...(questions ? [questions] : []),
    ],
  };
}
