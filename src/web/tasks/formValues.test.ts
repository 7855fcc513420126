import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInputs, fieldHint, formatBytes, initialInputs, isoToLocalInput, localInputToIso, toSubmission } from './formValues.ts';
import type { FormFieldDef } from './taskTypes.ts';

const fields: FormFieldDef[] = [
  { key: 'amount', label: 'Amount', type: 'number', required: true, min: 0, max: 1000 },
  { key: 'count', label: 'Count', type: 'integer' },
  { key: 'note', label: 'Note', type: 'textarea', maxLength: 5 },
  { key: 'paid', label: 'Paid', type: 'boolean' },
  { key: 'tags', label: 'Tags', type: 'multiselect', options: ['a', 'b'] },
  { key: 'when', label: 'When', type: 'datetime' },
  { key: 'day', label: 'Day', type: 'date' },
  { key: 'mail', label: 'Mail', type: 'email' },
  { key: 'scan', label: 'Scan', type: 'file', maxBytes: 1000 },
];

describe('initialInputs', () => {
  it('turns prefilled run data into input values of each field’s type', () => {
    const when = '2026-11-24T09:30:00.000Z';
    const inputs = initialInputs(fields, { amount: '99.5', count: 3, note: 42, paid: true, tags: 'a', when, day: '2026-11-24T00:00:00Z' });
    assert.deepEqual(inputs, {
      amount: 99.5,
      count: 3,
      note: '42',
      paid: true,
      tags: ['a'],
      when: isoToLocalInput(when),
      day: '2026-11-24',
      mail: '',
      scan: null,
    });
  });

  it('leaves a number field empty when the prefill is not a number', () => {
    assert.equal(initialInputs(fields, { amount: 'lots' }).amount, '');
  });
});

describe('toSubmission', () => {
  it('sends numbers as numbers, date-times as instants, booleans always, and leaves empty fields out', () => {
    const data = toSubmission(fields, {
      amount: '12.5',
      count: '',
      note: '  ',
      paid: false,
      tags: [],
      when: '2026-11-24T10:15',
      day: '2026-11-24',
      mail: '',
      scan: { fileId: 'f1', name: 'a.pdf', size: 10, contentType: 'application/pdf' },
    });
    assert.deepEqual(data, {
      amount: 12.5,
      paid: false,
      when: new Date('2026-11-24T10:15').toISOString(),
      day: '2026-11-24',
      scan: { fileId: 'f1', name: 'a.pdf', size: 10, contentType: 'application/pdf' },
    });
  });

  it('round-trips a date-time through the local input', () => {
    const iso = '2026-11-24T09:30:00.000Z';
    assert.equal(localInputToIso(isoToLocalInput(iso)), iso);
    assert.equal(localInputToIso('yesterday'), null);
  });
});

describe('checkInputs', () => {
  it('reports required, range, length, e-mail and file size problems in the server’s words', () => {
    const errors = checkInputs(fields, {
      amount: -1,
      count: 2.5,
      note: 'too long',
      paid: false,
      tags: [],
      when: '',
      day: '',
      mail: 'nope',
      scan: { fileId: 'f1', name: 'big.pdf', size: 5000, contentType: 'application/pdf' },
    });
    assert.deepEqual(errors, {
      amount: 'At least 0',
      count: 'Must be a whole number',
      note: 'At most 5 characters',
      mail: 'Not an e-mail address',
      scan: 'The file is larger than 1000 B',
    });
    assert.deepEqual(checkInputs(fields, initialInputs(fields, {})), { amount: 'Required' });
  });

  it('finds nothing wrong with valid values', () => {
    assert.deepEqual(checkInputs(fields, initialInputs(fields, { amount: 1000, note: 'ok' })), {});
  });
});

describe('fieldHint', () => {
  it('states a field’s limits', () => {
    assert.equal(fieldHint(fields[0] as FormFieldDef), 'Between 0 and 1000');
    assert.equal(fieldHint({ key: 'n', label: 'N', type: 'integer', min: 1, help: 'How many' }), 'How many · At least 1 · Whole number');
    assert.equal(
      fieldHint({ key: 's', label: 'S', type: 'file', maxBytes: 5_000_000, accept: ['application/pdf', 'image/*'] }),
      'Up to 4.8 MB · application/pdf, image/*',
    );
    assert.equal(fieldHint({ key: 't', label: 'T', type: 'text' }), '');
  });
});

describe('formatBytes', () => {
  it('uses the largest unit that keeps a number above one', () => {
    assert.deepEqual([512, 5000, 10 * 1024 * 1024, 3 * 1024 ** 3].map(formatBytes), ['512 B', '4.9 KB', '10 MB', '3 GB']);
  });
});
