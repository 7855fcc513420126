/**
 * An Excel cell value as JSON: formulas give their cached result, rich text its plain text,
 * hyperlinks their text, dates ISO 8601 text, errors their code (#DIV/0!), empty cells null.
 */
export function cellToJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) return cellToJson(v.result);
  if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('hyperlink' in v) return cellToJson(v.text);
  if ('error' in v) return String(v.error);
  if ('text' in v) return cellToJson(v.text);
  return JSON.stringify(v);
}

/** A JSON value as a cell: text, number, boolean or empty; objects and lists as JSON text. */
export function jsonToCell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
