import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormFieldDef } from '../api/formTypes.ts';
import { errorsByField, formatBytes, initialValue, submittedData } from './formValues.ts';

const f = (key: string, type: FormFieldDef['type'], extra: Partial<FormFieldDef> = {}): FormFieldDef => ({
  key,
  label: key,
  type,
  required: false,
  ...extra,
});

describe('submittedData', () => {
  it('leaves empty inputs out and turns number inputs into numbers', () => {
    const fields = [f('name', 'text'), f('n', 'integer'), f('price', 'number'), f('tags', 'multiselect'), f('ok', 'boolean')];
    assert.deepEqual(submittedData(fields, { name: '', n: '3', price: '4,5', tags: [], ok: false }), { n: 3, price: 4.5 });
  });

  it('keeps a required unticked checkbox as false and sends what is not a number as typed', () => {
    assert.deepEqual(submittedData([f('agree', 'boolean', { required: true }), f('n', 'number')], { agree: false, n: 'abc' }), {
      agree: false,
      n: 'abc',
    });
  });

  it('sends a local date and time as an ISO time', () => {
    const out = submittedData([f('at', 'datetime')], { at: '2026-11-24T10:30' });
    assert.equal(out.at, new Date('2026-11-24T10:30').toISOString());
  });
});

describe('errorsByField', () => {
  it('maps data.<key> paths to their field', () => {
    assert.deepEqual(errorsByField({ 'data.name': 'Required', 'data.scan.size': 'Too large', website: 'x' }), {
      name: 'Required',
      scan: 'Too large',
    });
  });
});

describe('initialValue and formatBytes', () => {
  it('starts from fixed defaults and sensible empties', () => {
    assert.equal(initialValue(f('n', 'number', { default: 2 })), 2);
    assert.deepEqual(initialValue(f('m', 'multiselect')), []);
    assert.equal(initialValue(f('b', 'boolean')), false);
  });
  it('prints sizes for people', () => {
    assert.equal(formatBytes(5 * 1024 * 1024), '5 MB');
    assert.equal(formatBytes(1536 * 1024), '1.5 MB');
    assert.equal(formatBytes(2048), '2 KB');
    assert.equal(formatBytes(10), '10 bytes');
  });
});
