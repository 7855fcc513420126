import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bulkSummary, jsonText, mapFormIssues, parseJsonText } from './taskErrors.ts';

describe('mapFormIssues', () => {
  it('puts each data.<key> issue on its field and keeps the first message per field', () => {
    const mapped = mapFormIssues(
      [
        { path: 'data.amount', message: 'At least 0' },
        { path: 'data.amount', message: 'Must be a number' },
        { path: 'data.scan.size', message: 'Too big' },
        { path: 'outcome', message: 'Choose one of the outcomes: done' },
      ],
      ['amount', 'scan'],
    );
    assert.deepEqual(mapped, { fields: { amount: 'At least 0', scan: 'Too big', outcome: 'Choose one of the outcomes: done' }, other: [] });
  });

  it('returns issues about fields the form does not show separately', () => {
    assert.deepEqual(mapFormIssues([{ path: 'data.colour', message: 'Not a field of this form' }], ['amount']), {
      fields: {},
      other: ['data.colour: Not a field of this form'],
    });
  });
});

describe('parseJsonText', () => {
  it('parses JSON and refuses anything else with the reason', () => {
    assert.deepEqual(parseJsonText(' {"sku": "BREAD-1"} '), { ok: true, value: { sku: 'BREAD-1' } });
    assert.deepEqual(parseJsonText('null'), { ok: true, value: null });
    const bad = parseJsonText('{ sku: 1 }');
    assert.equal(bad.ok, false);
    assert.match(bad.ok ? '' : bad.error, /^Not valid JSON/);
    assert.equal(parseJsonText('   ').ok, false);
  });

  it('round-trips what jsonText prints', () => {
    const value = { a: [1, 2], b: { c: null } };
    assert.deepEqual(parseJsonText(jsonText(value)), { ok: true, value });
    assert.equal(jsonText(undefined), 'null');
  });
});

describe('bulkSummary', () => {
  it('counts approved and refused tasks', () => {
    assert.equal(bulkSummary([{ ok: true }, { ok: false }, { ok: true }]), '2 approved, 1 refused');
    assert.equal(bulkSummary([{ ok: false }]), '1 refused');
    assert.equal(bulkSummary([]), 'Nothing approved');
  });
});
