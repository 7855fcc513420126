import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventLogBuilder } from './event-log.domain.ts';
import { decodeEventLog, encodeEventLog } from './event-log-codec.domain.ts';

describe('encodeEventLog / decodeEventLog', () => {
  it('round-trips every column, start times included', () => {
    const b = new EventLogBuilder();
    b.add('c1', 'a', 1000.5, 'ann', 500);
    b.add('c2', 'b', 3000, null);
    b.add('c1', 'é 中', 2000, 'bob');
    const log = b.build();
    const columns = encodeEventLog(log);
    assert.deepEqual(
      columns.map((c) => c.name),
      ['activities', 'resources', 'case_ids', 'case_start', 'activity', 'time', 'resource', 'start_time'],
    );
    // Offsets inside a bigger buffer, as a database driver may hand them back.
    const stored = new Map(
      columns.map((c) => {
        const padded = new Uint8Array(c.data.byteLength + 3);
        padded.set(c.data, 3);
        return [c.name, padded.subarray(3)] as const;
      }),
    );
    assert.deepEqual(decodeEventLog(stored), log);
  });

  it('refuses a missing column or columns of different lengths', () => {
    const b = new EventLogBuilder();
    b.add('c1', 'a', 1, null);
    const columns = new Map(encodeEventLog(b.build()).map((c) => [c.name, c.data] as const));
    const missing = new Map(columns);
    missing.delete('time');
    assert.throws(() => decodeEventLog(missing), /time is missing/);
    columns.set('time', new Uint8Array(16));
    assert.throws(() => decodeEventLog(columns), /inconsistent lengths/);
  });
});
