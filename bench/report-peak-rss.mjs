// Preloaded (`node --import`) by bench:mining-scale: at exit, writes the process's peak resident
// set size (KiB) and CPU time (µs, user and system) as JSON to the file named by
// SYMBIONT_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (!process.env.SYMBIONT_BENCH_RSS_FILE) return;
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  writeFileSync(process.env.SYMBIONT_BENCH_RSS_FILE, JSON.stringify({ maxRSS, userCPUTime, systemCPUTime }));
});
