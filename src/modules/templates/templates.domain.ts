/** Average stars, rounded to one decimal; null while nobody has rated. */
export function averageRating(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.round((sum / count) * 10) / 10;
}

/** Tags as stored: trimmed, lower-case, without duplicates or empties, in first-seen order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().toLowerCase().replace(/\s+/g, '-');
    if (tag) seen.add(tag);
  }
  return [...seen];
}

/**
 * The change to a template's rating counters when `user` rates: a new rating adds one to the
 * count; an edited one only moves the sum; a deleted one takes both back.
 */
export function ratingDelta(before: number | null, after: number | null): { sum: number; count: number } {
  return { sum: (after ?? 0) - (before ?? 0), count: (after === null ? 0 : 1) - (before === null ? 0 : 1) };
}
