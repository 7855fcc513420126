import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CodeSandbox, createCodeSandbox } from './code-sandbox.ts';

describe('code sandbox', () => {
  let sandbox: CodeSandbox;
  before(() => {
    sandbox = createCodeSandbox({ timeoutMs: 1000, heapLimitBytes: 32 * 1024 * 1024, maxOutputBytes: 64 * 1024 });
  });
  after(() => sandbox.close());

  it('returns what the code returns, computed from its input, with console logs', async () => {
    const result = await sandbox.run(
      'console.log("lines", input.lines.length); return input.lines.reduce((s, l) => s + l.qty * l.price, 0)',
      {
        lines: [
          { qty: 2, price: 3.5 },
          { qty: 1, price: 10 },
        ],
      },
    );
    assert.equal(result.output, 17);
    assert.deepEqual(result.logs, [{ level: 'log', message: 'lines 2' }]);
  });

  it('awaits async code', async () => {
    const result = await sandbox.run('const v = await Promise.resolve(input.n * 2); return { v }', { n: 21 });
    assert.deepEqual(result.output, { v: 42 });
  });

  it('reports a thrown error with its message', async () => {
    await assert.rejects(
      sandbox.run('throw new TypeError("bad order " + input.id)', { id: 7 }),
      (e: { code: string; userMessage: string }) => {
        assert.equal(e.code, 'CODE_FAILED');
        assert.match(e.userMessage, /TypeError: bad order 7/);
        return true;
      },
    );
  });

  describe('escape attempts end the step with a clear error and leave the host untouched', () => {
    const cases: [string, string, string | RegExp][] = [
      [
        'constructor chain to Function reaches only the sandbox',
        'return (function(){}).constructor("return typeof process")()',
        'undefined',
      ],
      ['process is not defined', 'return process.env', /ReferenceError/],
      ['require is not defined', 'return require("fs")', /ReferenceError/],
      [
        'globalThis has no host objects',
        'return [typeof fetch, typeof setTimeout, typeof Buffer, typeof WebAssembly].join(",")',
        'undefined,undefined,undefined,undefined',
      ],
    ];
    for (const [name, code, expected] of cases) {
      it(name, async () => {
        if (typeof expected === 'string') {
          const result = await sandbox.run(code, null);
          assert.equal(result.output, expected);
        } else {
          await assert.rejects(sandbox.run(code, null), (e: { userMessage: string }) => expected.test(e.userMessage));
        }
      });
    }

    it('dynamic import() fails', async () => {
      await assert.rejects(sandbox.run('return await import("fs")', null), { code: 'CODE_FAILED' });
    });

    it('prototype pollution stays inside the sandbox', async () => {
      const result = await sandbox.run('Object.prototype.polluted = "yes"; Array.prototype.map = null; return ({}).polluted', null);
      assert.equal(result.output, 'yes');
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(typeof [].map, 'function');
      // the next run starts from a fresh runtime
      const next = await sandbox.run('return [({}).polluted === undefined, typeof [].map]', null);
      assert.deepEqual(next.output, [true, 'function']);
    });

    it('stops an infinite loop at the deadline', async () => {
      await assert.rejects(sandbox.run('for (;;) {}', null, { timeoutMs: 300 }), { code: 'CODE_TIMEOUT' });
    });

    it('stops a memory bomb', async () => {
      await assert.rejects(sandbox.run('const a = []; for (;;) a.push("x".repeat(1 << 16) + a.length);', null, { timeoutMs: 10_000 }), {
        code: 'CODE_MEMORY',
      });
    });

    it('refuses a giant output', async () => {
      await assert.rejects(sandbox.run('return "y".repeat(1 << 20)', null), { code: 'CODE_OUTPUT_TOO_LARGE' });
    });

    it('reports code that waits forever', async () => {
      await assert.rejects(sandbox.run('await new Promise(() => {}); return 1', null), { code: 'CODE_NEVER_FINISHED' });
    });

    it('refuses input that is not JSON', async () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      await assert.rejects(sandbox.run('return 1', cyclic), { code: 'CODE_FAILED' });
    });
  });

  it('keeps working after every limit was hit (workers are replaced)', async () => {
    const result = await sandbox.run('return input + 1', 41);
    assert.equal(result.output, 42);
    assert.ok(sandbox.recycledWorkers() >= 1);
  });

  it('runs jobs side by side on several workers', async () => {
    const pool = createCodeSandbox({ workers: 2, timeoutMs: 2000 });
    try {
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => pool.run('return input * input', i)));
      assert.deepEqual(
        results.map((r) => r.output),
        [0, 1, 4, 9, 16, 25],
      );
    } finally {
      await pool.close();
    }
  });
});
