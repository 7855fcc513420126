/** A problem the server reported with its path, e.g. `{ path: 'data.amount', message: 'At least 0' }`. */
export interface Issue {
  path: string;
  message: string;
}

/**
 * Places FORM_INVALID issues on the form: `data.<key>` goes to field `key`, `outcome` and
 * `comment` to those inputs; the rest (a field the form no longer has) is returned as
 * `other`, to be shown above the form.
 */
export function mapFormIssues(issues: readonly Issue[], fieldKeys: readonly string[]): { fields: Record<string, string>; other: string[] } {
  const keys = new Set(fieldKeys);
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const key = issue.path.startsWith('data.') ? issue.path.slice(5).split('.')[0] : issue.path;
    if (key && (keys.has(key) || key === 'outcome' || key === 'comment')) fields[key] ??= issue.message;
    else other.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  return { fields, other };
}

/** Parses the JSON a person typed; the error names the problem (never sends text that is not JSON). */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: false, error: 'Enter a JSON value, e.g. {} or null' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${(error as Error).message}` };
  }
}

/** A value as the text of a JSON editor (2-space indented; `null` when there is none). */
export function jsonText(value: unknown): string {
  return value === undefined ? 'null' : JSON.stringify(value, null, 2);
}

/** One line about a bulk approval: "2 approved, 1 refused". */
export function bulkSummary(results: readonly { ok: boolean }[]): string {
  const ok = results.filter((r) => r.ok).length;
  const refused = results.length - ok;
  return [ok > 0 ? `${ok} approved` : null, refused > 0 ? `${refused} refused` : null].filter(Boolean).join(', ') || 'Nothing approved';
}
