// Preloaded (`node --import`) by bench:mining-scale: at exit, writes the process's peak resident
// set size (KiB) to the file named by SYMBIONT_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.SYMBIONT_BENCH_RSS_FILE) writeFileSync(process.env.SYMBIONT_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
