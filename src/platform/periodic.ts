/**
 * Runs `work` every `intervalMs`, one round at a time (the next is scheduled when one ends, so
 * rounds never overlap), until stopped. A failed round is reported to `onError` and the next
 * one runs as usual. `stop()` waits for a round in flight. The schedulers of tasks, triggers and
 * value prompts all keep their state in the database; this is only their heartbeat.
 */
export function createPeriodic(work: () => Promise<unknown>, intervalMs: number, onError: (error: unknown) => void) {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let round: Promise<unknown> | null = null;

  function next(): void {
    if (!running) return;
    timer = setTimeout(() => {
      round = work()
        .catch(onError)
        .finally(() => {
          round = null;
          next();
        });
    }, intervalMs);
  }

  return {
    start(): void {
      if (running) return;
      running = true;
      next();
    },
    async stop(): Promise<void> {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await round;
    },
  };
}
