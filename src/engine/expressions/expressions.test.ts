import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import jsonata from 'jsonata';
import { createExpressionEngine, simplePath } from './expressions.ts';

describe('createExpressionEngine', () => {
  const order = {
    id: 'A-17',
    lines: [
      { sku: 'rye', qty: 2, price: 3.5 },
      { sku: 'croissant', qty: 6, price: 1.25 },
    ],
  };

  it('evaluates transforms and conditions with bindings', async () => {
    const e = createExpressionEngine();
    assert.equal(await e.evaluate('$sum(lines.(qty * price))', order), 14.5);
    assert.equal(await e.evaluate('$count(lines) > $min', order, { min: 1 }), true);
    const mapped = await e.evaluate('{ "order": id, "skus": lines.sku }', order);
    assert.deepEqual(JSON.parse(JSON.stringify(mapped)), { order: 'A-17', skus: ['rye', 'croissant'] });
  });

  it('compiles each source once', () => {
    const e = createExpressionEngine();
    assert.equal(e.compile('a + b'), e.compile('a + b'));
    assert.equal(e.cacheSize(), 1);
  });

  it('evicts the least recently used expression when the cache is full', () => {
    const e = createExpressionEngine({ cacheSize: 2 });
    const a = e.compile('a');
    e.compile('b');
    e.compile('a');
    e.compile('c');
    assert.equal(e.compile('a'), a, 'a was used recently and kept');
    assert.equal(e.cacheSize(), 2);
  });

  it('reports syntax errors with the position, and check() returns them', () => {
    const e = createExpressionEngine();
    assert.throws(() => e.compile('lines[qty > ]'), { code: 'EXPRESSION_INVALID' });
    const problem = e.check('$sum(lines.(qty * price)');
    assert.ok(problem);
    assert.equal(typeof problem.position, 'number');
    assert.equal(e.check('a.b'), null);
  });

  it('stops runaway recursion, long loops and huge sequences', async () => {
    const e = createExpressionEngine({ timeoutMs: 200, maxDepth: 200, maxSequence: 10_000 });
    await assert.rejects(e.evaluate('($f := function($x) { $f($x + 1) }; $f(0))', {}), { code: 'EXPRESSION_LIMIT' });
    await assert.rejects(e.evaluate('[1..10000000]', {}), { code: 'EXPRESSION_LIMIT' });
    await assert.rejects(e.evaluate('$count([1..9000].([1..9000]))', {}), { code: 'EXPRESSION_LIMIT' });
  });

  it('turns evaluation errors into EXPRESSION_FAILED', async () => {
    const e = createExpressionEngine();
    await assert.rejects(e.evaluate('"a" + 1', {}), { code: 'EXPRESSION_FAILED' });
  });

  it('answers plain field paths exactly as JSONata does, whatever the data', async () => {
    const e = createExpressionEngine();
    const inputs: unknown[] = [
      { a: { b: [1, 2] } },
      { a: { b: [1] } },
      { a: { b: [[1], [2]] } },
      { a: { b: [] } },
      { a: { b: null } },
      { a: { b: { c: [1] } } },
      { a: [{ b: 1 }, { b: 2 }] },
      { a: [{ b: [1, 2] }, { b: 3 }] },
      { a: null },
      { a: 'text' },
      { a: 0 },
      {},
      [{ a: { b: 1 } }, { a: { b: 2 } }],
      null,
      'a string',
    ];
    const sources = ['a', 'a.b', 'a.b.c', ' a . b ', '$v', '$v.a.b', '$missing.a', '$v.a'];
    for (const input of inputs) {
      for (const source of sources) {
        const bindings = { v: input };
        // As data: JSONata marks its result sequences with extra properties.
        const plain = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
        const expected = plain(await jsonata(source).evaluate(input, bindings));
        assert.deepEqual(plain(await e.evaluate(source, input, bindings)), expected, `${source} on ${JSON.stringify(input)}`);
      }
    }
    assert.deepEqual(simplePath('$nodes.total.output'), { variable: true, parts: ['nodes', 'total', 'output'] });
    for (const notPlain of ['true', 'a.null', 'a[0]', 'a.b > 1', '$', '$$', 'a.`b c`', '$sum(a)'])
      assert.equal(simplePath(notPlain), null, notPlain);
  });
});
