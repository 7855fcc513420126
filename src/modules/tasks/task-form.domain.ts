import { z } from 'zod';

/** Field types a form step (and a to-do's result) can ask for. */
export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'integer',
  'boolean',
  'date',
  'datetime',
  'email',
  'select',
  'multiselect',
  'file',
] as const;

/** Default upload limit of a file field. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

const option = z.union([z.string().min(1).max(200), z.object({ value: z.string().min(1).max(200), label: z.string().min(1).max(200) })]);

export const formField = z
  .object({
    key: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, 'Letters, digits and _; start with a letter')
      .describe('Name of the value in the submitted data'),
    label: z.string().trim().min(1).max(200).describe('Shown to the person'),
    type: z.enum(FIELD_TYPES).default('text').describe('Kind of value'),
    required: z.boolean().default(false).describe('Must be filled in'),
    help: z.string().max(1000).optional().describe('Hint under the field'),
    options: z.array(option).max(500).optional().describe('Choices of select and multiselect fields'),
    min: z.number().optional().describe('Smallest number (number, integer)'),
    max: z.number().optional().describe('Largest number (number, integer)'),
    minLength: z.number().int().min(0).max(100_000).optional().describe('Shortest text'),
    maxLength: z.number().int().min(1).max(100_000).optional().describe('Longest text (default 10,000)'),
    pattern: z.string().max(500).optional().describe('Regular expression the text must match'),
    maxBytes: z
      .number()
      .int()
      .min(1)
      .max(100 * 1024 * 1024)
      .optional()
      .describe('Largest upload of a file field (default 10 MiB)'),
    accept: z
      .array(z.string().max(200))
      .max(50)
      .optional()
      .describe('Allowed content types of a file field, e.g. application/pdf, image/*'),
    default: z.unknown().optional().describe('Prefilled value; templates allowed, e.g. "{{ $trigger.body.amount }}"'),
  })
  .superRefine((f, ctx) => {
    if ((f.type === 'select' || f.type === 'multiselect') && !f.options?.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'A select field needs options' });
    if (f.pattern !== undefined) {
      try {
        new RegExp(f.pattern);
      } catch {
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'Not a valid regular expression' });
      }
    }
  })
  .describe('A field of a form');
export type FormField = z.infer<typeof formField>;

export const formFields = z
  .array(formField)
  .max(100)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `Another field already has the key "${f.key}"` });
      seen.add(f.key);
    });
  });

/** An uploaded file as a file field holds it (the upload itself goes through the files API). */
export const fileValue = z.object({
  fileId: z.string().min(1).max(200),
  name: z.string().min(1).max(255),
  size: z.number().int().min(0),
  contentType: z.string().max(200).default('application/octet-stream'),
});

export interface FieldIssue {
  path: string;
  message: string;
}

const optionValue = (o: z.infer<typeof option>) => (typeof o === 'string' ? o : o.value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function contentTypeAllowed(type: string, accept: readonly string[] | undefined): boolean {
  if (!accept || accept.length === 0) return true;
  return accept.some((a) => (a.endsWith('/*') ? type.startsWith(a.slice(0, -1)) : a === type));
}

function checkField(f: FormField, v: unknown): string | null {
  switch (f.type) {
    case 'text':
    case 'textarea':
    case 'email': {
      if (typeof v !== 'string') return 'Must be text';
      const max = f.maxLength ?? 10_000;
      if (v.length > max) return `At most ${max} characters`;
      if (f.minLength !== undefined && v.length < f.minLength) return `At least ${f.minLength} characters`;
      if (f.type === 'email' && !EMAIL.test(v)) return 'Not an e-mail address';
      if (f.pattern !== undefined && !new RegExp(f.pattern).test(v)) return 'Does not have the expected format';
      return null;
    }
    case 'number':
    case 'integer': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return 'Must be a number';
      if (f.type === 'integer' && !Number.isInteger(v)) return 'Must be a whole number';
      if (f.min !== undefined && v < f.min) return `At least ${f.min}`;
      if (f.max !== undefined && v > f.max) return `At most ${f.max}`;
      return null;
    }
    case 'boolean':
      return typeof v === 'boolean' ? null : 'Must be true or false';
    case 'date': {
      if (typeof v !== 'string' || !DATE.test(v)) return 'Must be a date (YYYY-MM-DD)';
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? null : 'Not a real date';
    }
    case 'datetime':
      return typeof v === 'string' && !Number.isNaN(new Date(v).getTime()) && /T/.test(v) ? null : 'Must be a date and time (ISO 8601)';
    case 'select':
      return typeof v === 'string' && (f.options ?? []).some((o) => optionValue(o) === v) ? null : 'Not one of the choices';
    case 'multiselect': {
      if (!Array.isArray(v)) return 'Must be a list of choices';
      const allowed = new Set((f.options ?? []).map(optionValue));
      return v.every((x) => typeof x === 'string' && allowed.has(x)) ? null : 'Contains a value that is not one of the choices';
    }
    case 'file': {
      const parsed = fileValue.safeParse(v);
      if (!parsed.success) return 'Must be an uploaded file ({ fileId, name, size, contentType })';
      const max = f.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
      if (parsed.data.size > max) return `The file is larger than ${max} bytes`;
      if (!contentTypeAllowed(parsed.data.contentType, f.accept)) return `Files of type ${parsed.data.contentType} are not accepted`;
      return null;
    }
  }
}

/**
 * Checks submitted form data against the fields: required fields present, each value of its
 * type and within its limits, no unknown keys. Every problem is reported with its path
 * (`data.<key>`), so the form can show it beside the field. Empty optional fields are dropped.
 *
 * @example
 * validateForm([{ key: 'amount', label: 'Amount', type: 'number', required: true, min: 0 }], { amount: -1 })
 * // { ok: false, issues: [{ path: 'data.amount', message: 'At least 0' }] }
 */
export function validateForm(
  fields: readonly FormField[],
  data: Record<string, unknown>,
): { ok: true; value: Record<string, unknown> } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const value: Record<string, unknown> = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(data)) if (!known.has(key)) issues.push({ path: `data.${key}`, message: 'Not a field of this form' });
  for (const f of fields) {
    const v = data[f.key];
    if (isEmpty(v)) {
      if (f.required) issues.push({ path: `data.${f.key}`, message: 'Required' });
      continue;
    }
    const problem = checkField(f, v);
    if (problem) issues.push({ path: `data.${f.key}`, message: problem });
    else value[f.key] = v;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** The prefilled values of a form: each field's resolved default. */
export function prefillOf(fields: readonly FormField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f.default !== undefined && f.default !== null) out[f.key] = f.default;
  return out;
}

/** A JSON Schema of the form's data (for generated forms and API clients). */
export function formJsonSchema(fields: readonly FormField[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const f of fields) {
    const base: Record<string, unknown> = { title: f.label, ...(f.help ? { description: f.help } : {}) };
    const enumOf = (f.options ?? []).map(optionValue);
    switch (f.type) {
      case 'number':
      case 'integer':
        properties[f.key] = {
          ...base,
          type: f.type,
          ...(f.min !== undefined ? { minimum: f.min } : {}),
          ...(f.max !== undefined ? { maximum: f.max } : {}),
        };
        break;
      case 'boolean':
        properties[f.key] = { ...base, type: 'boolean' };
        break;
      case 'select':
        properties[f.key] = { ...base, type: 'string', enum: enumOf };
        break;
      case 'multiselect':
        properties[f.key] = { ...base, type: 'array', items: { type: 'string', enum: enumOf }, uniqueItems: true };
        break;
      case 'file':
        properties[f.key] = {
          ...base,
          type: 'object',
          required: ['fileId', 'name', 'size'],
          properties: {
            fileId: { type: 'string' },
            name: { type: 'string' },
            size: { type: 'integer', maximum: f.maxBytes ?? DEFAULT_MAX_FILE_BYTES },
            contentType: { type: 'string' },
          },
          'x-accept': f.accept ?? [],
        };
        break;
      default:
        properties[f.key] = {
          ...base,
          type: 'string',
          ...(f.type === 'date'
            ? { format: 'date' }
            : f.type === 'datetime'
              ? { format: 'date-time' }
              : f.type === 'email'
                ? { format: 'email' }
                : {}),
          ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
          ...(f.minLength !== undefined ? { minLength: f.minLength } : {}),
          ...(f.pattern !== undefined ? { pattern: f.pattern } : {}),
          ...(f.type === 'textarea' ? { 'x-multiline': true } : {}),
        };
    }
  }
  return { type: 'object', properties, required: fields.filter((f) => f.required).map((f) => f.key), additionalProperties: false };
}
