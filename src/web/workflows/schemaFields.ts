import type { JsonSchema } from '../api/workflowTypes.ts';

interface FieldBase {
  key: string;
  label: string;
  description: string | undefined;
  required: boolean;
  default: unknown;
}

/**
 * One input of a step's generated form. `text` may hold a `{{ }}` template; `code` is a field
 * the step evaluates itself (expressions, code); `json` takes any JSON (or a template).
 */
export type FieldSpec =
  | (FieldBase & { kind: 'text' })
  | (FieldBase & { kind: 'code' })
  | (FieldBase & { kind: 'number'; integer: boolean; min: number | undefined; max: number | undefined })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'enum'; options: string[] })
  | (FieldBase & { kind: 'multiEnum'; options: string[] })
  | (FieldBase & { kind: 'object'; fields: FieldSpec[] })
  | (FieldBase & { kind: 'json' });

/** "idempotencyHeader" → "Idempotency header". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The schema without a `null` alternative (zod writes optional-or-null as anyOf). */
function unwrap(schema: JsonSchema): JsonSchema {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (!alternatives) return schema;
  const real = alternatives.filter((s) => s.type !== 'null');
  return real.length === 1 && real[0]
    ? { ...real[0], description: schema.description ?? real[0].description, default: schema.default ?? real[0].default }
    : schema;
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

const stringEnum = (values: unknown[] | undefined): values is string[] =>
  !!values && values.length > 0 && values.every((v) => typeof v === 'string');

/** Maps one property's JSON Schema to a form field. */
export function fieldFor(key: string, raw: JsonSchema, required: boolean, rawFields: readonly string[]): FieldSpec {
  const schema = unwrap(raw);
  const base: FieldBase = { key, label: schema.title ?? humanize(key), description: schema.description, required, default: schema.default };
  const type = typeOf(schema);
  if (rawFields.includes(key)) return { ...base, kind: 'code' };
  if (stringEnum(schema.enum)) return { ...base, kind: 'enum', options: schema.enum };
  if (type === 'string') return { ...base, kind: 'text' };
  if (type === 'number' || type === 'integer') {
    return { ...base, kind: 'number', integer: type === 'integer', min: schema.minimum, max: schema.maximum };
  }
  if (type === 'boolean') return { ...base, kind: 'boolean' };
  if (type === 'array' && schema.items && stringEnum(unwrap(schema.items).enum)) {
    return { ...base, kind: 'multiEnum', options: unwrap(schema.items).enum as string[] };
  }
  if (type === 'object' && schema.properties && Object.keys(schema.properties).length > 0) {
    return { ...base, kind: 'object', fields: fieldsFor(schema, []) };
  }
  return { ...base, kind: 'json' };
}

/** The form of an object schema: one field per property, in the schema's order. */
export function fieldsFor(schema: JsonSchema, rawFields: readonly string[]): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([key, prop]) => fieldFor(key, prop, required.has(key), rawFields));
}

/**
 * A number field's text as the value to store: a number when it is one, the text itself when
 * it is a template (`{{ … }}`), undefined when empty.
 */
export function parseNumberInput(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : text;
}

/**
 * A JSON field's text as the value to store: parsed JSON, or the text itself when it is a
 * template; `{ error }` when it is neither.
 */
export function parseJsonInput(text: string): { value: unknown } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: undefined };
  try {
    return { value: JSON.parse(trimmed) };
  } catch {
    if (/^\{\{[\s\S]*\}\}$/.test(trimmed)) return { value: trimmed };
    return { error: 'Not valid JSON (write a template as {{ expression }})' };
  }
}

/** How a JSON field shows its value. */
export function formatJsonValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string' && value.trim().startsWith('{{')) return value;
  return JSON.stringify(value, null, 2);
}
