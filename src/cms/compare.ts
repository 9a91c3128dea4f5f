// Reads a CMS configuration back into shapes and lists every way it differs from the contract's zod
// schemas: a key missing or extra, a required flag, an enum's options, a date stored in another
// format, a list or object nested differently. An empty list means the CMS writes exactly the contract.
import type { CmsConfig } from '@sveltia/cms';
import { CONTRACT_SCHEMAS, describeContract, type ContractSchemas, type ShapeNode } from './contract.ts';
import { BODY_FIELD, DATE_FORMAT, type CmsModel } from './config.ts';

type AnyField = Record<string, unknown> & { name: string; widget?: string };
type AnyCollection = Record<string, unknown> & { name: string; fields?: AnyField[]; files?: { name: string; fields: AnyField[] }[] };

/** A shape as the CMS stores it; `choice` also stands for fields/units offered as a fixed list. */
type ConfigNode =
  | ShapeNode
  | { kind: 'unsupported'; required: boolean; default?: unknown; why: string };

const requiredOf = (f: AnyField) => f.required !== false;

function optionValues(f: AnyField): string[] {
  const options = (f.options as unknown[] | undefined) ?? [];
  return options.map((o) => String(o !== null && typeof o === 'object' ? (o as { value: unknown }).value : o));
}

/** The shape a CMS field stores. */
export function describeField(f: AnyField, required = requiredOf(f)): ConfigNode {
  const base = f.default === undefined ? { required } : { required, default: f.default };
  const multiple = f.multiple === true;
  const wrapList = (item: ShapeNode): ConfigNode =>
    multiple ? { kind: 'list', ...base, item, ...(typeof f.min === 'number' && f.min > 0 ? { min: f.min } : {}) } : item;
  switch (f.widget ?? 'string') {
    case 'string':
    case 'text':
    case 'markdown':
      return {
        kind: 'text',
        ...base,
        ...(Array.isArray(f.pattern) && (f.widget ?? 'string') === 'string' && f.type !== 'url' ? { pattern: String(f.pattern[0]) } : {}),
        ...(f.type === 'email' ? { format: 'email' as const } : {}),
      };
    case 'number': {
      const int = (f.value_type ?? 'int') === 'int';
      if (typeof f.value_type === 'string' && f.value_type.endsWith('/string')) return { kind: 'unsupported', ...base, why: `stores numbers as strings (value_type ${f.value_type})` };
      return {
        kind: 'number',
        ...base,
        int,
        ...(typeof f.min === 'number' ? { min: f.min } : {}),
        ...(typeof f.max === 'number' ? { max: f.max } : {}),
      };
    }
    case 'datetime': {
      const format = f.format ?? f.date_format;
      if (format !== DATE_FORMAT || f.time_format !== false || (f.type !== undefined && f.type !== 'date')) {
        return { kind: 'unsupported', ...base, why: `does not store a date as ${DATE_FORMAT} (format ${String(format)}, type ${String(f.type)}, time_format ${String(f.time_format)})` };
      }
      return { kind: 'date', ...base };
    }
    case 'select':
      return wrapList({ kind: 'choice', required: multiple ? true : required, ...(multiple ? {} : f.default === undefined ? {} : { default: f.default }), values: optionValues(f) });
    case 'relation': {
      const collection = String(f.collection);
      if (collection !== 'fields' && collection !== 'units' && collection !== 'documents' && collection !== 'entries') {
        return { kind: 'unsupported', ...base, why: `relates to an unknown collection "${collection}"` };
      }
      const expectedValue = collection === 'entries' ? 'id' : '{{slug}}';
      if ((f.value_field ?? '{{slug}}') !== expectedValue) {
        return { kind: 'unsupported', ...base, why: `stores ${String(f.value_field)} of ${collection}, not its id (${expectedValue})` };
      }
      return wrapList({ kind: 'ref', required: multiple ? true : required, collection });
    }
    case 'list': {
      const min = typeof f.min === 'number' && f.min > 0 ? { min: f.min } : {};
      if (Array.isArray(f.fields)) return { kind: 'list', ...base, ...min, item: describeObject(f.fields as AnyField[], true) };
      if (f.field && typeof f.field === 'object') {
        const item = describeField(f.field as AnyField, true);
        if (item.kind === 'unsupported') return item;
        return { kind: 'list', ...base, ...min, item };
      }
      if (f.types) return { kind: 'unsupported', ...base, why: 'is a list of variable types' };
      return { kind: 'list', ...base, ...min, item: { kind: 'text', required: true } };
    }
    case 'object':
      if (!Array.isArray(f.fields)) return { kind: 'unsupported', ...base, why: 'is an object without fields' };
      return { ...describeObject(f.fields as AnyField[], required), ...(f.default === undefined ? {} : { default: f.default }) };
    default:
      return { kind: 'unsupported', ...base, why: `uses the "${String(f.widget)}" widget, which the contract has no type for` };
  }
}

function describeObject(fields: AnyField[], required: boolean): Extract<ShapeNode, { kind: 'object' }> {
  return { kind: 'object', required, keys: Object.fromEntries(fields.map((f) => [f.name, describeField(f) as ShapeNode])) };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Ids a reference may name when the CMS offers it as a fixed list. */
function refIds(collection: string, model: CmsModel | undefined): string[] | undefined {
  if (!model) return undefined;
  if (collection === 'fields') return [...model.fields.keys()];
  if (collection === 'units') return [...model.units.keys()];
  return undefined;
}

function compareNodes(schema: ShapeNode, cms: ConfigNode, at: string, model: CmsModel | undefined, out: string[]): void {
  if (cms.kind === 'unsupported') {
    out.push(`${at}: ${cms.why}`);
    return;
  }
  if (schema.required !== cms.required) out.push(`${at}: required in the schema is ${schema.required}, in the CMS ${cms.required}`);
  if (schema.default !== undefined && schema.default !== cms.default) {
    out.push(`${at}: default in the schema is ${JSON.stringify(schema.default)}, in the CMS ${JSON.stringify(cms.default)}`);
  }
  // A reference to fields or units may be offered as the fixed list of the content root's ids.
  if (schema.kind === 'ref' && cms.kind === 'choice') {
    const ids = refIds(schema.collection, model);
    if (!ids) out.push(`${at}: the schema refers to ${schema.collection}, the CMS offers fixed options`);
    else if (!sameSet(ids, cms.values)) out.push(`${at}: options are [${cms.values.join(', ')}], the ${schema.collection} are [${ids.join(', ')}]`);
    return;
  }
  if (schema.kind !== cms.kind) {
    out.push(`${at}: the schema has a ${schema.kind}, the CMS a ${cms.kind}`);
    return;
  }
  switch (schema.kind) {
    case 'text': {
      const c = cms as typeof schema;
      if (schema.pattern !== undefined && schema.pattern !== c.pattern) out.push(`${at}: pattern in the schema is ${schema.pattern}, in the CMS ${String(c.pattern)}`);
      if (schema.format !== c.format) out.push(`${at}: format in the schema is ${String(schema.format)}, in the CMS ${String(c.format)}`);
      return;
    }
    case 'number': {
      const c = cms as typeof schema;
      if (schema.int !== c.int) out.push(`${at}: the schema ${schema.int ? 'requires' : 'does not require'} an integer, the CMS ${c.int ? 'does' : 'does not'}`);
      if (schema.min !== c.min || schema.max !== c.max) out.push(`${at}: range in the schema is [${schema.min}, ${schema.max}], in the CMS [${c.min}, ${c.max}]`);
      return;
    }
    case 'date':
      return;
    case 'choice': {
      const c = cms as typeof schema;
      if (!sameSet(schema.values, c.values)) out.push(`${at}: options in the schema are [${schema.values.join(', ')}], in the CMS [${c.values.join(', ')}]`);
      return;
    }
    case 'ref': {
      const c = cms as typeof schema;
      if (schema.collection !== c.collection) out.push(`${at}: the schema refers to ${schema.collection}, the CMS to ${c.collection}`);
      return;
    }
    case 'list': {
      const c = cms as typeof schema;
      if ((schema.min ?? 0) !== (c.min ?? 0)) out.push(`${at}: minimum items in the schema is ${schema.min ?? 0}, in the CMS ${c.min ?? 0}`);
      compareNodes(schema.item, c.item, `${at}[]`, model, out);
      return;
    }
    case 'object':
      compareKeys(schema.keys, (cms as typeof schema).keys, at, model, out);
      return;
  }
}

function compareKeys(schema: Record<string, ShapeNode>, cms: Record<string, ConfigNode>, at: string, model: CmsModel | undefined, out: string[]): void {
  const prefix = at ? `${at}.` : '';
  for (const key of Object.keys(schema)) {
    if (!(key in cms)) out.push(`${prefix}${key}: in the schema, missing from the CMS`);
    else compareNodes(schema[key]!, cms[key]!, `${prefix}${key}`, model, out);
  }
  for (const key of Object.keys(cms)) {
    if (!(key in schema)) out.push(`${prefix}${key}: in the CMS, not in the schema (the build would reject it as an unknown key)`);
  }
}

/**
 * Every difference between a CMS configuration and the contract's schemas, as messages naming
 * `collection.key`. `model` is the content model whose fields and units the pickers offer.
 */
export function compareWithSchema(config: CmsConfig, schemas: ContractSchemas = CONTRACT_SCHEMAS, model?: CmsModel): string[] {
  const shapes = describeContract(schemas);
  const out: string[] = [];
  // Cast justified: the generated config is walked generically; AnyCollection is the loose view of every collection kind.
  const collections = (config.collections ?? []) as unknown as AnyCollection[];
  const find = (name: string) => collections.find((c) => c.name === name);

  for (const name of ['fields', 'units', 'documents', 'entries'] as const) {
    const collection = find(name);
    if (!collection?.fields) {
      out.push(`${name}: no such folder collection in the CMS`);
      continue;
    }
    let fields = collection.fields;
    if (name === 'entries') {
      const body = fields.find((f) => f.name === BODY_FIELD);
      if (body?.widget !== 'markdown') out.push(`entries.${BODY_FIELD}: the Markdown body field is missing`);
      fields = fields.filter((f) => f.name !== BODY_FIELD);
    }
    compareKeys(shapes[name].keys, describeObject(fields, true).keys, name, model, out);
  }

  if (shapes.questions) {
    const questions = find('questions');
    if (!questions?.fields) out.push('questions: no such folder collection in the CMS');
    else compareKeys(shapes.questions.keys, describeObject(questions.fields, true).keys, 'questions', model, out);
  }

  const file = find('synonyms')?.files?.[0];
  const root = file?.fields.length === 1 && file.fields[0]!.root === true ? file.fields[0] : undefined;
  if (!root) out.push('synonyms: the CMS needs one file with a single top-level list (root: true)');
  else compareNodes(shapes.synonyms, describeField(root), 'synonyms', model, out);
  return out;
}
