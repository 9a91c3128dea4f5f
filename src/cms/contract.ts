// The content contract read back from its zod schemas as plain "shape" trees: which keys, required or
// not, enums, dates, numbers, references, lists and nested objects. The CMS configuration is generated
// from these trees (./config.ts) and checked against them (./compare.ts), so the editor can never
// offer a key, an option or a format that the build would reject.
// Like src/schema, this module must not import from `astro:*`.
import type { z } from 'astro/zod';
import {
  fieldSchema,
  makeDocumentSchema,
  makeEntrySchema,
  makeQuestionSchema,
  makeUnitSchema,
  plainRef,
  synonymsSchema,
  type CollectionName,
  type RefFactory,
} from '../schema/index.ts';

export type ShapeNode =
  | { kind: 'text'; required: boolean; default?: unknown; pattern?: string; format?: 'email' }
  | { kind: 'number'; required: boolean; default?: unknown; int: boolean; min?: number; max?: number }
  | { kind: 'date'; required: boolean; default?: unknown }
  | { kind: 'choice'; required: boolean; default?: unknown; values: string[] }
  | { kind: 'ref'; required: boolean; default?: unknown; collection: CollectionName }
  | { kind: 'list'; required: boolean; default?: unknown; item: ShapeNode; min?: number }
  | { kind: 'object'; required: boolean; default?: unknown; keys: Record<string, ShapeNode> };

export type ObjectShape = Extract<ShapeNode, { kind: 'object' }>;

/** The schemas a CMS configuration must agree with, one per collection. */
export interface ContractSchemas {
  fields: z.ZodType;
  units: z.ZodType;
  documents: z.ZodType;
  entries: z.ZodType;
  synonyms: z.ZodType;
  /** Questions received (optional collection of the contract). */
  questions?: z.ZodType;
}

/** References made by the schemas below, so a reference can be told apart from any other slug. */
const refTargets = new WeakMap<object, CollectionName>();
const taggingRef: RefFactory = (collection) => {
  const schema = plainRef(collection);
  refTargets.set(schema, collection);
  return schema;
};

/** The contract's schemas, built by the same factories the site and the CLI use. */
export const CONTRACT_SCHEMAS: ContractSchemas = {
  fields: fieldSchema,
  units: makeUnitSchema(taggingRef),
  documents: makeDocumentSchema(taggingRef),
  entries: makeEntrySchema(taggingRef),
  synonyms: synonymsSchema,
  questions: makeQuestionSchema(taggingRef),
};

// Zod 4 keeps every schema's definition in `.def` (`type` names the kind); checks live in `def.checks`.
interface Def {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  format?: string;
  checks?: { _zod: { def: { check: string; format?: string; pattern?: RegExp; minimum?: number } } }[];
}
// Cast justified: zod 4 keeps a schema's definition in `def`, which its public types do not expose per kind.
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/** True for the contract's `isoDate()`: a string-or-Date union transformed to `YYYY-MM-DD`. */
function isIsoDate(def: Def): boolean {
  if (def.type !== 'pipe' || !def.in) return false;
  const inDef = defOf(def.in);
  return inDef.type === 'union' && (inDef.options ?? []).some((o) => defOf(o).type === 'date');
}

export class UnsupportedSchemaError extends Error {}

/**
 * The shape of a schema. Optional and defaulted keys are not required; transforms and refinements are
 * looked through (they cannot be expressed in a form, and the build still checks them).
 */
export function describeSchema(schema: z.ZodType, path = '(root)', required = true, defaultValue?: unknown): ShapeNode {
  const target = refTargets.get(schema);
  const base = defaultValue === undefined ? { required } : { required, default: defaultValue };
  if (target) return { kind: 'ref', ...base, collection: target };
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
      return describeSchema(def.innerType!, path, false, defaultValue);
    case 'default':
      return describeSchema(def.innerType!, path, false, def.defaultValue);
    case 'pipe':
      if (isIsoDate(def)) return { kind: 'date', ...base };
      return describeSchema(def.in!, path, required, defaultValue);
    case 'string': {
      const regex = def.checks?.map((c) => c._zod.def).find((c) => c.format === 'regex')?.pattern;
      return {
        kind: 'text',
        ...base,
        ...(regex ? { pattern: regex.source } : {}),
        ...(def.format === 'email' ? { format: 'email' as const } : {}),
      };
    }
    case 'number': {
      // Cast justified: ZodNumber exposes minValue/maxValue/isInt, which the generic ZodType does not declare.
      const n = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
      return {
        kind: 'number',
        ...base,
        int: n.isInt,
        ...(Number.isFinite(n.minValue) ? { min: n.minValue! } : {}),
        ...(Number.isFinite(n.maxValue) ? { max: n.maxValue! } : {}),
      };
    }
    case 'enum':
      return { kind: 'choice', ...base, values: Object.values(def.entries ?? {}) };
    case 'array': {
      const min = def.checks?.map((c) => c._zod.def).find((c) => c.check === 'min_length')?.minimum;
      return { kind: 'list', ...base, item: describeSchema(def.element!, `${path}[]`), ...(min ? { min } : {}) };
    }
    case 'object':
      return {
        kind: 'object',
        ...base,
        keys: Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, describeSchema(v, `${path}.${k}`)])),
      };
    default:
      throw new UnsupportedSchemaError(`${path}: the CMS configuration cannot express a zod "${def.type}" schema`);
  }
}

/** The shape of every collection of the contract. */
export function describeContract(schemas: ContractSchemas = CONTRACT_SCHEMAS) {
  const object = (s: z.ZodType, name: string) => {
    const node = describeSchema(s, name);
    if (node.kind !== 'object') throw new UnsupportedSchemaError(`${name}: expected an object schema`);
    return node;
  };
  return {
    fields: object(schemas.fields, 'fields'),
    units: object(schemas.units, 'units'),
    documents: object(schemas.documents, 'documents'),
    entries: object(schemas.entries, 'entries'),
    synonyms: describeSchema(schemas.synonyms, 'synonyms'),
    questions: schemas.questions ? object(schemas.questions, 'questions') : undefined,
  };
}
export type ContractShapes = ReturnType<typeof describeContract>;
