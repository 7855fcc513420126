import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedKeys } from './changedKeys.ts';

describe('changedKeys', () => {
  it('lists keys whose values differ, including nested values', () => {
    const before = { name: 'Shop', description: 'x', teams: [{ id: 't1' }], same: 1 };
    const after = { name: 'Shop & café', description: 'x', teams: [{ id: 't2' }], same: 1 };
    assert.deepEqual([...changedKeys(before, after)].sort(), ['name', 'teams']);
  });

  it('counts keys present on one side only', () => {
    assert.deepEqual([...changedKeys({ a: 1 }, { a: 1, b: 2 })], ['b']);
  });

  it('treats a missing side as empty', () => {
    assert.deepEqual([...changedKeys(null, { a: 1 })], ['a']);
  });
});
