/**
 * The @mentions of a comment, lower-cased and de-duplicated, in order: `@alice@bakery.example`
 * (an e-mail address) or `@alice`, `@alice.smith` (a name, spaces written as dots or left out).
 * An `@` inside a word (an e-mail address in the text) is not a mention.
 */
export function parseMentions(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/(^|[^\p{L}\p{N}._@-])@([\p{L}\p{N}._+-]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)/gu)) {
    const handle = (m[2] ?? '').replace(/[.]+$/, '').toLowerCase();
    if (handle.length > 0 && !out.includes(handle)) out.push(handle);
  }
  return out.slice(0, 20);
}

/** Working days per year behind "per day" volumes (formulas.md §2 `k(period)`). */
export const WORKING_DAYS_PER_YEAR = 220;

const CASES_PER_MONTH: Record<string, number> = { day: WORKING_DAYS_PER_YEAR / 12, week: 52 / 12, month: 1 };

/**
 * Rough AS-IS effort of an idea before any assessment, in hours per month:
 *   Σ_people count × k(period) / 12 × minutes per case / 60,  k = 220 (day), 52 (week), 12 (month)
 * over the submitter and every "this is my process too" supporter who gave a volume.
 * Rounded to one decimal.
 */
export function hoursPerMonth(volumes: readonly { period: string; count: number; minutes: number }[]): number {
  let hours = 0;
  for (const v of volumes) hours += ((CASES_PER_MONTH[v.period] ?? 0) * v.count * v.minutes) / 60;
  return Math.round(hours * 10) / 10;
}
