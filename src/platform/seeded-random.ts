/**
 * A seeded pseudo-random generator (mulberry32), uniform in [0, 1): the same seed gives the same
 * sequence, so demo data, generated benchmark data and chaos schedules can be replayed.
 *
 * @example
 * const random = seededRandom(42);
 * const delayMs = 300 + random() * 1700; // uniform in [300, 2000)
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
