import assert from 'node:assert/strict';

/**
 * Deep equality where numbers may differ by a relative 1e-9 (the oracle's tolerance): same keys,
 * same array lengths and order, same strings and nulls.
 */
export function assertClose(actual: unknown, expected: unknown, path = '$', tolerance = 1e-9): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(Math.abs(expected), Math.abs(actual), 1e-300);
    assert.ok(Math.abs(actual - expected) <= tolerance * scale || actual === expected, `${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: not an array`);
    assert.equal(actual.length, expected.length, `${path}: length`);
    for (let i = 0; i < expected.length; i++) assertClose(actual[i], expected[i], `${path}[${i}]`, tolerance);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object' && !Array.isArray(actual), `${path}: not an object`);
    assert.deepEqual(Object.keys(actual as object).sort(), Object.keys(expected).sort(), `${path}: keys`);
    for (const [k, v] of Object.entries(expected)) assertClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`, tolerance);
    return;
  }
  assert.equal(actual, expected, path);
}
