import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeNext } from './safeNext.ts';

describe('safeNext', () => {
  it('keeps a path on this site, with its query', () => {
    assert.equal(safeNext('/teams/t1?tab=members'), '/teams/t1?tab=members');
  });

  it('sends links to other sites home', () => {
    for (const next of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)']) {
      assert.equal(safeNext(next), '/', next);
    }
  });

  it('goes home when there is no path', () => {
    assert.equal(safeNext(null), '/');
    assert.equal(safeNext(''), '/');
  });
});
