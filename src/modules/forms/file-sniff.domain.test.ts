import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeFileName, sniffContentType } from './file-sniff.domain.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('sniffContentType', () => {
  it('recognises files by their signature whatever their name says', () => {
    assert.equal(sniffContentType(Buffer.from('%PDF-1.4\n%âãÏÓ'), 'photo.png', false), 'application/pdf');
    assert.equal(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'a.pdf', false), 'image/png');
    assert.equal(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0), 'a', false), 'image/jpeg');
    assert.equal(sniffContentType(Buffer.from('GIF89a...'), 'a', false), 'image/gif');
    assert.equal(sniffContentType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 '), 'a', false), 'image/webp');
    assert.equal(sniffContentType(Buffer.from('MZ\x90\x00'), 'invoice.pdf', false), 'application/x-msdownload');
  });

  it('names ZIP-based office files by their extension, other archives application/zip', () => {
    const zip = bytes(0x50, 0x4b, 0x03, 0x04, 20, 0);
    assert.equal(sniffContentType(zip, 'Order.XLSX', false), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(sniffContentType(zip, 'order.pdf', false), 'application/zip');
  });

  it('takes UTF-8 without control bytes as text, typed by extension', () => {
    assert.equal(sniffContentType(Buffer.from('sku;qty\nBREAD-1;2\n'), 'order.csv', true), 'text/csv');
    assert.equal(sniffContentType(Buffer.from('{"a": "ü"}'), 'data.json', true), 'application/json');
    assert.equal(sniffContentType(Buffer.from('Grüße'), 'note', true), 'text/plain');
    assert.equal(sniffContentType(Buffer.from('Grüße').subarray(0, 3), 'note', false), 'text/plain', 'a sample cut inside a character');
    assert.equal(
      sniffContentType(Buffer.from('Grüße').subarray(0, 3), 'note', true),
      'application/octet-stream',
      'a whole file must be valid',
    );
    assert.equal(sniffContentType(bytes(0x61, 0x00, 0x62), 'a.txt', true), 'application/octet-stream');
    assert.equal(sniffContentType(bytes(0xc3, 0x28), 'a.csv', true), 'application/octet-stream');
  });
});

describe('safeFileName', () => {
  it('keeps the last path segment without control characters or quotes', () => {
    assert.equal(safeFileName('C:\\Users\\anna\\invoice "7".pdf'), 'invoice 7.pdf');
    assert.equal(safeFileName('../../etc/passwd'), 'passwd');
    assert.equal(safeFileName('a\r\nb.txt'), 'ab.txt');
    assert.equal(safeFileName(''), 'upload');
    assert.equal(safeFileName('x'.repeat(300)).length, 255);
  });
});
