import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type FormField, formFields, formJsonSchema, prefillOf, validateForm } from './task-form.domain.ts';

const fields: FormField[] = formFields.parse([
  { key: 'amount', label: 'Amount', type: 'number', required: true, min: 0 },
  { key: 'qty', label: 'Quantity', type: 'integer', max: 10 },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'day', label: 'Delivery day', type: 'date' },
  { key: 'size', label: 'Size', type: 'select', options: ['S', { value: 'M', label: 'Medium' }] },
  { key: 'tags', label: 'Tags', type: 'multiselect', options: ['a', 'b'] },
  { key: 'ref', label: 'Reference', pattern: '^R-\\d+$', default: 'R-1' },
  { key: 'scan', label: 'Scan', type: 'file', maxBytes: 1000, accept: ['application/pdf', 'image/*'] },
]);

describe('validateForm', () => {
  it('accepts valid data and drops empty optional fields', () => {
    const result = validateForm(fields, {
      amount: 12.5,
      qty: 3,
      email: 'a@b.example',
      day: '2026-02-28',
      size: 'M',
      tags: ['a'],
      ref: 'R-42',
      scan: { fileId: 'f1', name: 'x.png', size: 999, contentType: 'image/png' },
    });
    assert.equal(result.ok, true);
    assert.deepEqual(result.ok && Object.keys(result.value), ['amount', 'qty', 'email', 'day', 'size', 'tags', 'ref', 'scan']);
    const clean = validateForm(fields, { amount: 0, email: '', tags: [] });
    assert.deepEqual(clean, { ok: true, value: { amount: 0 } });
  });

  it('names every wrong field with its path', () => {
    const result = validateForm(fields, {
      qty: 2.5,
      email: 'nope',
      day: '2026-02-30',
      size: 'XL',
      tags: ['a', 'z'],
      ref: 'X',
      scan: { fileId: 'f', name: 'big.pdf', size: 5000, contentType: 'application/pdf' },
      extra: 1,
    });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.issues.map((i) => `${i.path}: ${i.message}`),
      [
        'data.extra: Not a field of this form',
        'data.amount: Required',
        'data.qty: Must be a whole number',
        'data.email: Not an e-mail address',
        'data.day: Not a real date',
        'data.size: Not one of the choices',
        'data.tags: Contains a value that is not one of the choices',
        'data.ref: Does not have the expected format',
        'data.scan: The file is larger than 1000 bytes',
      ],
    );
  });

  it('refuses a file of a type the field does not accept', () => {
    const result = validateForm(fields, {
      amount: 1,
      scan: { fileId: 'f', name: 'a.exe', size: 10, contentType: 'application/x-msdownload' },
    });
    assert.equal(result.ok, false);
  });
});

describe('form definitions', () => {
  it('refuses duplicate keys, selects without options and bad patterns', () => {
    const bad = formFields.safeParse([
      { key: 'a', label: 'A' },
      { key: 'a', label: 'A again' },
      { key: 's', label: 'S', type: 'select' },
      { key: 'p', label: 'P', pattern: '(' },
    ]);
    assert.equal(bad.success, false);
    assert.deepEqual(bad.error?.issues.map((i) => i.path.join('.')).sort(), ['1.key', '2.options', '3.pattern']);
  });

  it('gives prefilled values and a JSON Schema', () => {
    assert.deepEqual(prefillOf(fields), { ref: 'R-1' });
    const schema = formJsonSchema(fields) as { required: string[]; properties: Record<string, { type: string; enum?: string[] }> };
    assert.deepEqual(schema.required, ['amount']);
    assert.deepEqual(schema.properties.size?.enum, ['S', 'M']);
    assert.equal(schema.properties.scan?.type, 'object');
  });
});
