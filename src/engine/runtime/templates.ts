import type { ExpressionEngine } from '../expressions/expressions.ts';

const WHOLE = /^\s*\{\{([\s\S]+?)\}\}\s*$/;
const PART = /\{\{([\s\S]+?)\}\}/g;

/** Whether a config value holds any `{{ expression }}`. */
export function hasTemplate(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  if (Array.isArray(value)) return value.some(hasTemplate);
  if (value && typeof value === 'object') return Object.values(value).some(hasTemplate);
  return false;
}

/**
 * Resolves `{{ expression }}` templates in a step's config (JSONata, evaluated against the
 * step's input with `$trigger`, `$nodes`, `$item`, `$index`, `$run` bound). A string that is
 * exactly one template becomes the expression's value of any type (`"{{ items }}"` → an
 * array); templates inside text are interpolated as text. Fields named in `raw` are left as
 * they are (they hold expressions the step evaluates itself).
 *
 * @example
 * await resolveTemplates({ to: '{{ customer.email }}', subject: 'Order {{ id }}' }, order, bindings, expressions)
 */
export async function resolveTemplates(
  value: unknown,
  input: unknown,
  bindings: Record<string, unknown>,
  expressions: ExpressionEngine,
  raw: readonly string[] = [],
): Promise<unknown> {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return value;
    const whole = WHOLE.exec(value);
    if (whole?.[1] && !whole[1].includes('{{')) return (await expressions.evaluate(whole[1].trim(), input, bindings)) ?? null;
    let out = '';
    let last = 0;
    for (const match of value.matchAll(PART)) {
      const v = await expressions.evaluate((match[1] ?? '').trim(), input, bindings);
      out += value.slice(last, match.index) + (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
      last = (match.index ?? 0) + match[0].length;
    }
    return out + value.slice(last);
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(await resolveTemplates(item, input, bindings, expressions));
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = raw.includes(k) || !hasTemplate(v) ? v : await resolveTemplates(v, input, bindings, expressions);
    }
    return out;
  }
  return value;
}
