import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedKeys, csvField } from './audit-log.domain.ts';

describe('csvField', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
  });

  it('defuses spreadsheet formulas', () => {
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('+1'), "'+1");
    assert.equal(csvField('@cmd'), "'@cmd");
  });

  it('writes null as empty and objects as JSON', () => {
    assert.equal(csvField(null), '');
    assert.equal(csvField({ a: 1 }), '"{""a"":1}"');
  });
});

describe('changedKeys', () => {
  it('lists the top-level keys whose values differ', () => {
    assert.deepEqual(changedKeys({ a: 1, b: [1], c: 'x' }, { a: 1, b: [2], d: true }), ['b', 'c', 'd']);
    assert.deepEqual(changedKeys(null, { a: 1 }), ['a']);
  });
});
