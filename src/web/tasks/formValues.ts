import type { FileValue, FormFieldDef } from './taskTypes.ts';

/** What an input holds while the person edits the form. */
export type FieldInput = string | number | boolean | string[] | FileValue | null;
export type FormInputs = Record<string, FieldInput>;

export const optionValue = (o: string | { value: string; label: string }) => (typeof o === 'string' ? o : o.value);
export const optionLabel = (o: string | { value: string; label: string }) => (typeof o === 'string' ? o : o.label);

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the value of a `datetime-local` input (local time, minutes). */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` input's value (local time) as an ISO instant, or null when it is not a date. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const isFileValue = (v: unknown): v is FileValue =>
  typeof v === 'object' && v !== null && typeof (v as FileValue).fileId === 'string' && typeof (v as FileValue).name === 'string';

/** The input value of one field from a prefilled value (of whatever type the run data had). */
function inputOf(field: FormFieldDef, v: unknown): FieldInput {
  switch (field.type) {
    case 'number':
    case 'integer': {
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
      return '';
    }
    case 'boolean':
      return v === true || v === 'true';
    case 'multiselect':
      return Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];
    case 'file':
      return isFileValue(v) ? v : null;
    case 'datetime':
      return typeof v === 'string' && v ? isoToLocalInput(v) : '';
    case 'date':
      return typeof v === 'string' ? v.slice(0, 10) : '';
    default:
      return v === undefined || v === null ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

/** The form's starting values: each field's prefill, or empty. */
export function initialInputs(fields: readonly FormFieldDef[], prefill: Record<string, unknown>): FormInputs {
  const out: FormInputs = {};
  for (const f of fields) out[f.key] = inputOf(f, prefill[f.key]);
  return out;
}

const isEmpty = (v: FieldInput | undefined) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The data to submit: numbers as numbers, date-times as ISO instants, empty fields left out
 * (the server reports missing required ones), booleans always sent.
 */
export function toSubmission(fields: readonly FormFieldDef[], inputs: FormInputs): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    const v = inputs[f.key];
    if (f.type === 'boolean') {
      data[f.key] = v === true;
      continue;
    }
    if (isEmpty(v) || (typeof v === 'string' && v.trim() === '')) continue;
    if (f.type === 'number' || f.type === 'integer') data[f.key] = typeof v === 'number' ? v : Number(v);
    else if (f.type === 'datetime') data[f.key] = localInputToIso(String(v)) ?? v;
    else data[f.key] = v;
  }
  return data;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The first problem with one value, in the server's words (the server checks again). */
export function checkInput(f: FormFieldDef, v: FieldInput | undefined): string | null {
  if (isEmpty(v) || (typeof v === 'string' && v.trim() === '' && f.type !== 'boolean')) return f.required ? 'Required' : null;
  switch (f.type) {
    case 'number':
    case 'integer': {
      const n = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(n)) return 'Must be a number';
      if (f.type === 'integer' && !Number.isInteger(n)) return 'Must be a whole number';
      if (f.min !== undefined && n < f.min) return `At least ${f.min}`;
      if (f.max !== undefined && n > f.max) return `At most ${f.max}`;
      return null;
    }
    case 'text':
    case 'textarea':
    case 'email': {
      const s = String(v);
      const max = f.maxLength ?? 10_000;
      if (s.length > max) return `At most ${max} characters`;
      if (f.minLength !== undefined && s.length < f.minLength) return `At least ${f.minLength} characters`;
      if (f.type === 'email' && !EMAIL.test(s)) return 'Not an e-mail address';
      if (f.pattern !== undefined) {
        try {
          if (!new RegExp(f.pattern).test(s)) return 'Does not have the expected format';
        } catch {
          return null;
        }
      }
      return null;
    }
    case 'datetime':
      return localInputToIso(String(v)) ? null : 'Must be a date and time';
    case 'file': {
      const file = v as FileValue;
      const max = f.maxBytes ?? 10 * 1024 * 1024;
      return file.size > max ? `The file is larger than ${formatBytes(max)}` : null;
    }
    default:
      return null;
  }
}

/** Problems found before sending, by field key (empty when there are none). */
export function checkInputs(fields: readonly FormFieldDef[], inputs: FormInputs): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const problem = checkInput(f, inputs[f.key]);
    if (problem) errors[f.key] = problem;
  }
  return errors;
}

/** A byte count as "512 B", "4.9 KB", "5 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 10 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

/** The limits of a field as a hint under it: "Between 0 and 100", "Up to 5 MB · application/pdf, image/*". */
export function fieldHint(f: FormFieldDef): string {
  const parts: string[] = [];
  if (f.help) parts.push(f.help);
  if (f.type === 'number' || f.type === 'integer') {
    if (f.min !== undefined && f.max !== undefined) parts.push(`Between ${f.min} and ${f.max}`);
    else if (f.min !== undefined) parts.push(`At least ${f.min}`);
    else if (f.max !== undefined) parts.push(`At most ${f.max}`);
    if (f.type === 'integer') parts.push('Whole number');
  }
  if ((f.type === 'text' || f.type === 'textarea') && (f.minLength !== undefined || f.maxLength !== undefined)) {
    if (f.minLength !== undefined && f.maxLength !== undefined) parts.push(`${f.minLength}–${f.maxLength} characters`);
    else if (f.maxLength !== undefined) parts.push(`Up to ${f.maxLength} characters`);
    else parts.push(`At least ${f.minLength} characters`);
  }
  if (f.type === 'file') {
    parts.push(`Up to ${formatBytes(f.maxBytes ?? 10 * 1024 * 1024)}`);
    if (f.accept?.length) parts.push(f.accept.join(', '));
  }
  return parts.join(' · ');
}
