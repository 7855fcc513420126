import type { Clock } from './clock.ts';

/**
 * A fixed-window counter per key, in memory (per process): `hit(key)` returns how many seconds
 * to wait when the key made more than `max` hits in the current window, else 0.
 */
export function createRateLimiter(options: { max: number; windowMs: number; clock: Clock; maxKeys?: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 100_000;
  return {
    hit(key: string): number {
      const now = options.clock.now().getTime();
      let w = windows.get(key);
      if (!w || now - w.start >= options.windowMs) {
        if (windows.size >= maxKeys) {
          for (const [k, v] of windows) if (now - v.start >= options.windowMs) windows.delete(k);
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        }
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count > options.max ? Math.ceil((w.start + options.windowMs - now) / 1000) : 0;
    },
    reset(key: string): void {
      windows.delete(key);
    },
  };
}
