// Builds the web UI after `npm install` / `npm ci` in a checkout, so `npm start` serves it at once.
// Skipped where there are no web sources or no vite (an install as a dependency), or when
// SYMBIONT_SKIP_WEB_BUILD=1. A failed build does not fail the install: `npm start` retries it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
if (process.env.SYMBIONT_SKIP_WEB_BUILD === '1') process.exit(0);
if (!existsSync(path.join(root, 'src', 'web', 'index.html')) || !existsSync(vite)) process.exit(0);
try {
  console.log('symbiont: building the web UI…');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
} catch {
  console.warn('symbiont: the web UI build failed; `npm start` will try again.');
}
