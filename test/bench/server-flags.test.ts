import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { ROOT, SERVER_NODE_FLAGS } from '../../bench/harness.ts';

it('benchmarks start the server with the Node flags npm start uses', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  assert.equal(pkg.scripts.start, `node ${SERVER_NODE_FLAGS.join(' ')} bin/symbiont.js start`);
});
