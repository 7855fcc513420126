import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCsv, detectDelimiter, parseCsv, uniqueColumns } from './csv.domain.ts';

const defaults = { header: true, delimiter: 'auto' as const, skipEmptyLines: true, typed: false, strict: true };

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, quotes and line breaks inside', () => {
    const text = 'name,note\r\n"Smith, Ann","said ""hi""\nthen left"\r\nBob,ok\r\n';
    const parsed = parseCsv(text, defaults);
    assert.deepEqual(parsed.rows, [
      { name: 'Smith, Ann', note: 'said "hi"\nthen left' },
      { name: 'Bob', note: 'ok' },
    ]);
    assert.deepEqual(parsed.columns, ['name', 'note']);
  });

  it('detects semicolons, tabs and pipes', () => {
    assert.equal(detectDelimiter('a;b;c\n1;2;3\n'), ';');
    assert.equal(detectDelimiter('a\tb\n1\t2\n'), '\t');
    assert.equal(detectDelimiter('a|b\n1|2\n'), '|');
    assert.equal(detectDelimiter('single\nvalue\n'), ',');
    assert.deepEqual(parseCsv('\uFEFFa;b\n1,5;2\n', defaults).rows, [{ a: '1,5', b: '2' }]);
  });

  it('names the line of a row with the wrong number of fields, counting quoted line breaks', () => {
    const text = 'a,b\n1,2\n"multi\nline",3\n\n4\n';
    assert.throws(
      () => parseCsv(text, defaults),
      (e: { code: string; details: { line: number }; userMessage: string }) => {
        assert.equal(e.code, 'CSV_INVALID');
        assert.equal(e.details.line, 6);
        assert.match(e.userMessage, /^CSV line 6: 1 field\(s\), but the header \(line 1\) has 2/);
        return true;
      },
    );
    assert.deepEqual(parseCsv(text, { ...defaults, strict: false }).rows.at(-1), { a: '4', b: '' });
  });

  it('names the line where a quoted field is left open', () => {
    assert.throws(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n', defaults), {
      code: 'CSV_INVALID',
      details: { line: 3, message: 'a quoted field is not closed (a " is missing)' },
    });
  });

  it('turns numbers, booleans and empty cells into JSON when typed', () => {
    const parsed = parseCsv('n,f,b,e,z,t\n42,-1.5,true,,007,1e5\n', { ...defaults, typed: true });
    assert.deepEqual(parsed.rows, [{ n: 42, f: -1.5, b: true, e: null, z: '007', t: '1e5' }]);
  });

  it('returns arrays without a header, and renames duplicate and empty header names', () => {
    assert.deepEqual(parseCsv('1,2\n3,4', { ...defaults, header: false }).rows, [
      ['1', '2'],
      ['3', '4'],
    ]);
    assert.deepEqual(uniqueColumns(['a', 'a', ' ', 'b']), ['a', 'a_2', 'column_3', 'b']);
  });
});

describe('buildCsv', () => {
  const options = { header: true, delimiter: ',', newline: '\r\n' as const, escapeFormulae: false };

  it('round-trips rows through parse', () => {
    const rows = [
      { id: '1', text: 'comma, "quote"\nnewline', empty: '' },
      { id: '2', text: 'plain', empty: 'x' },
    ];
    const text = buildCsv(rows, options);
    assert.deepEqual(parseCsv(text, defaults).rows, rows);
  });

  it('writes the union of keys, JSON for objects, and neutralises formulas on request', () => {
    const text = buildCsv([{ a: 1 }, { b: { x: 1 }, a: null }], options);
    assert.equal(text, 'a,b\r\n1,\r\n,"{""x"":1}"\r\n');
    assert.equal(buildCsv([['=SUM(A1)']], { ...options, header: false, escapeFormulae: true }), '"\'=SUM(A1)"\r\n');
    assert.equal(buildCsv([{ a: 1, b: 2 }], { ...options, columns: ['b'], delimiter: ';' }), 'b\r\n2\r\n');
  });
});
