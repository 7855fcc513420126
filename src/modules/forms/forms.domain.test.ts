import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileValuesOf, formTokenFrom, formUrl, hashToken, isSpam, looksLikeToken, publicFields } from './forms.domain.ts';

describe('form tokens', () => {
  it('encodes 32 random bytes as a 43-character base64url token and refuses fewer', () => {
    const token = formTokenFrom(new Uint8Array(32).fill(255));
    assert.equal(token, `${'_'.repeat(42)}8`);
    assert.ok(looksLikeToken(token));
    assert.throws(() => formTokenFrom(new Uint8Array(16)));
    assert.equal(looksLikeToken('abc'), false);
    assert.equal(looksLikeToken(`${token}/`), false);
  });

  it('stores a SHA-256 of the token, not the token', () => {
    assert.equal(hashToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('builds the public address under the public URL', () => {
    assert.equal(formUrl('https://ops.bakery.example/', 'T'), 'https://ops.bakery.example/f/T');
    assert.equal(formUrl(undefined, 'T'), '/f/T');
  });
});

describe('isSpam', () => {
  it('flags a filled honeypot only', () => {
    assert.equal(isSpam(undefined), false);
    assert.equal(isSpam('  '), false);
    assert.equal(isSpam('http://spam.example'), true);
  });
});

describe('publicFields', () => {
  it('drops template defaults, which a public form cannot fill, and keeps fixed ones', () => {
    const fields = publicFields([
      { key: 'a', label: 'A', type: 'text', required: false, default: '{{ amount }}' },
      { key: 'b', label: 'B', type: 'number', required: false, default: 3 },
    ]);
    assert.equal('default' in (fields[0] ?? {}), false);
    assert.equal(fields[1]?.default, 3);
  });
});

describe('fileValuesOf', () => {
  it('lists the file values of file fields, by field', () => {
    const files = fileValuesOf(
      [
        { key: 'scan', label: 'Scan', type: 'file', required: false },
        { key: 'note', label: 'Note', type: 'text', required: false },
      ],
      { scan: { fileId: 'f1', name: 'a.pdf', size: 3, contentType: 'application/pdf' }, note: 'hi' },
    );
    assert.deepEqual(files, [{ field: 'scan', fileId: 'f1', name: 'a.pdf', size: 3, contentType: 'application/pdf' }]);
  });
});
