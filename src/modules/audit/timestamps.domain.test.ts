import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysFromCivil, detectDateFormat, naiveToUtc, parseDateFormat, timestampParser } from './timestamps.domain.ts';

const iso = timestampParser('iso');
const at = (text: string) => new Date(text).getTime();

describe('timestampParser', () => {
  it('honours UTC offsets in ISO 8601, in every spelling', () => {
    assert.equal(iso('2010-12-30T14:32:00.000+01:00'), at('2010-12-30T13:32:00Z'));
    assert.equal(iso('2010-12-30 14:32:00+01:00'), at('2010-12-30T13:32:00Z'));
    assert.equal(iso('2010-12-30T14:32:00-0530'), at('2010-12-30T20:02:00Z'));
    assert.equal(iso('2010-12-30T14:32+01'), at('2010-12-30T13:32:00Z'));
    assert.equal(iso('2010-12-30T14:32:00Z'), at('2010-12-30T14:32:00Z'));
    assert.equal(iso('2010-12-30'), at('2010-12-30T00:00:00Z'));
    assert.equal(iso('2010/12/30 14:32:05'), at('2010-12-30T14:32:05Z'));
  });

  it('keeps fractions of a second, also below a millisecond', () => {
    assert.equal(iso('2011-10-11T13:45:40.276+02:00'), at('2011-10-11T11:45:40.276Z'));
    assert.equal(iso('2011-10-11T13:45:40.2765Z') - at('2011-10-11T13:45:40.276Z'), 0.5);
  });

  it('gives a case that crosses a daylight-saving change its real duration', () => {
    // 01:30 CET (+01:00) to 03:30 CEST (+02:00) on 2011-03-27 is one hour, not two.
    assert.equal(iso('2011-03-27T03:30:00+02:00') - iso('2011-03-27T01:30:00+01:00'), 3_600_000);
  });

  it('rejects impossible dates and times and trailing garbage', () => {
    for (const bad of [
      '2011-02-29T10:00:00Z',
      '2010-13-01',
      '2010-12-30T24:00:00',
      '2010-12-30T10:61',
      '2010-12-30T10:00:00+01:00x',
      'yesterday',
      '',
    ]) {
      assert.ok(Number.isNaN(iso(bad)), bad);
    }
  });

  it('reads day-first and month-first dates with any of / - . and an optional time', () => {
    const dmy = timestampParser('dmy');
    const mdy = timestampParser('mdy');
    assert.equal(dmy('30/12/2010 14:32'), at('2010-12-30T14:32:00Z'));
    assert.equal(dmy('3.1.2011 09:05:07'), at('2011-01-03T09:05:07Z'));
    assert.equal(mdy('12-30-2010 14:32:00'), at('2010-12-30T14:32:00Z'));
    assert.ok(Number.isNaN(dmy('12/30/2010')));
  });

  it('reads epoch seconds and milliseconds', () => {
    assert.equal(timestampParser('epoch_s')('1293719520'), at('2010-12-30T14:32:00Z'));
    assert.equal(timestampParser('epoch_ms')('1293719520500'), at('2010-12-30T14:32:00.500Z'));
    assert.ok(Number.isNaN(timestampParser('epoch_s')('12a')));
  });

  it('reads naive timestamps in a time zone, across daylight-saving changes', () => {
    const paris = timestampParser('iso', 'Europe/Paris');
    assert.equal(paris('2011-01-15 12:00:00'), at('2011-01-15T11:00:00Z'));
    assert.equal(paris('2011-07-15 12:00:00'), at('2011-07-15T10:00:00Z'));
    // An explicit offset wins over the zone.
    assert.equal(paris('2011-07-15 12:00:00Z'), at('2011-07-15T12:00:00Z'));
    // 02:30 does not exist on 2011-03-27 in Paris (clocks jump 02:00 → 03:00): read as 03:30 CEST.
    assert.equal(paris('2011-03-27 02:30:00'), at('2011-03-27T01:30:00Z'));
    // 02:30 happens twice on 2011-10-30: the first (CEST) is taken.
    assert.equal(paris('2011-10-30 02:30:00'), at('2011-10-30T00:30:00Z'));
    assert.throws(() => naiveToUtc('Mars/Olympus'), RangeError);
  });
});

describe('detectDateFormat', () => {
  it('recognises ISO, day-first, month-first and epoch values', () => {
    assert.deepEqual(detectDateFormat(['2010-12-30 14:32:00+01:00', '']), { format: 'iso', ambiguous: false });
    assert.deepEqual(detectDateFormat(['01/02/2011 10:00', '30/12/2010 14:32']), { format: 'dmy', ambiguous: false });
    assert.deepEqual(detectDateFormat(['01/02/2011 10:00', '12/30/2010 14:32']), { format: 'mdy', ambiguous: false });
    assert.deepEqual(detectDateFormat(['01/02/2011', '03/04/2011']), { format: 'dmy', ambiguous: true });
    assert.deepEqual(detectDateFormat(['1293719520', '1293719580']), { format: 'epoch_s', ambiguous: false });
    assert.deepEqual(detectDateFormat(['1293719520000']), { format: 'epoch_ms', ambiguous: false });
    assert.equal(detectDateFormat(['soon']), null);
    assert.equal(detectDateFormat(['', ' ']), null);
  });
});

describe('parseDateFormat', () => {
  it('accepts names and patterns', () => {
    assert.equal(parseDateFormat('DD/MM/YYYY HH:mm:ss'), 'dmy');
    assert.equal(parseDateFormat('MM/DD/YYYY'), 'mdy');
    assert.equal(parseDateFormat('YYYY-MM-DD HH:mm'), 'iso');
    assert.equal(parseDateFormat('epoch'), 'epoch_s');
    assert.equal(parseDateFormat('epoch-ms'), 'epoch_ms');
    assert.equal(parseDateFormat('ISO'), 'iso');
    assert.equal(parseDateFormat('whenever'), null);
  });
});

describe('daysFromCivil', () => {
  it('counts days from 1970-01-01 in the proleptic Gregorian calendar', () => {
    assert.equal(daysFromCivil(1970, 1, 1), 0);
    assert.equal(daysFromCivil(2000, 3, 1), Date.UTC(2000, 2, 1) / 86_400_000);
    assert.equal(daysFromCivil(1969, 12, 31), -1);
  });
});
