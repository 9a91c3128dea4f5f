// The keys of a schema, read from its zod shape, so no other module retypes a list of keys: the entry
// writer's key order, the importer's key list, the CMS labels test and the contract documentation test
// all derive theirs from here. Refinements (`.refine`) keep a zod 4 object an object; optional, default
// and transform wrappers are looked through.
import type { z } from 'astro/zod';

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}
// Cast justified: zod 4 keeps a schema's definition in `def`, which its public types do not expose per kind.
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/** The schema under optional/default/nullable/transform wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') return unwrap(def.innerType!);
  if (def.type === 'pipe') return unwrap(def.in!);
  return schema;
}

/** True when the key may be left out (optional or with a default). */
export function isOptionalKey(schema: z.ZodType): boolean {
  const type = defOf(schema).type;
  return type === 'optional' || type === 'default' || type === 'prefault';
}

/** The object shape of a schema, or undefined when it is not an object. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(unwrap(schema));
  return def.type === 'object' ? def.shape : undefined;
}

/** Top-level keys of an object schema, in the schema's order. */
export function topLevelKeys(schema: z.ZodType): string[] {
  const shape = objectShape(schema);
  if (!shape) throw new Error('topLevelKeys: not an object schema');
  return Object.keys(shape);
}

export interface KeyInfo {
  /** `legal_basis`, or `legal_basis[].ref` for a key of a list item (`meta.author` inside an object). */
  path: string;
  /** Required within the object that holds it. */
  required: boolean;
}

/** Every key of a schema, depth first, including the keys of objects inside lists. */
export function keyPaths(schema: z.ZodType, prefix = ''): KeyInfo[] {
  const shape = objectShape(schema);
  if (!shape) {
    const def = defOf(unwrap(schema));
    return def.type === 'array' ? keyPaths(def.element!, `${prefix}[]`) : [];
  }
  return Object.entries(shape).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [{ path, required: !isOptionalKey(value) }, ...keyPaths(value, path)];
  });
}

/** What a key holds, as far as a generic reader or writer needs to know (the importer's fallback). */
export type ValueKind = 'text' | 'text list' | 'date' | 'number' | 'choice' | 'other';

export function valueKind(schema: z.ZodType): ValueKind {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
      return valueKind(def.innerType!);
    case 'pipe': {
      // The contract's isoDate(): a string-or-Date union transformed to YYYY-MM-DD.
      const inDef = defOf(def.in!) as Def & { options?: z.ZodType[] };
      if (inDef.type === 'union' && (inDef.options ?? []).some((o) => defOf(o).type === 'date')) return 'date';
      return valueKind(def.in!);
    }
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'enum':
      return 'choice';
    case 'array':
      return valueKind(def.element!) === 'text' ? 'text list' : 'other';
    default:
      return 'other';
  }
}
