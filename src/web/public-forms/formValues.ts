import type { FormFieldDef } from '../api/formTypes.ts';

/** The value an input starts with: the field's fixed default, else empty. */
export function initialValue(field: FormFieldDef): unknown {
  if (field.default !== undefined && field.default !== null) return field.default;
  if (field.type === 'boolean') return false;
  if (field.type === 'multiselect') return [];
  return '';
}

/**
 * The data to submit: empty inputs left out (the server then says which required ones are
 * missing), numbers as numbers, a datetime-local value as a full ISO time in the browser's zone.
 */
export function submittedData(fields: readonly FormFieldDef[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if ((f.type === 'number' || f.type === 'integer') && typeof v === 'string') {
      const n = Number(v.replace(',', '.'));
      out[f.key] = Number.isFinite(n) ? n : v;
    } else if (f.type === 'datetime' && typeof v === 'string' && !Number.isNaN(new Date(v).getTime())) {
      out[f.key] = new Date(v).toISOString();
    } else if (f.type === 'boolean' && v === false && !f.required) continue;
    else out[f.key] = v;
  }
  return out;
}

/** `data.<key>` messages of a FORM_INVALID answer, by field key. */
export function errorsByField(fieldErrors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const key = path.startsWith('data.') ? path.slice(5).split('.')[0] : undefined;
    if (key) out[key] ??= message;
  }
  return out;
}

/** A size for people: 1.5 MB, 320 KB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
