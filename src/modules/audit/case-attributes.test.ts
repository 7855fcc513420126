import assert from 'node:assert/strict';
import { it } from 'node:test';
import { EventLogBuilder } from './event-log.domain.ts';
import { decodeEventLog, encodeEventLog } from './event-log-codec.domain.ts';
import { analyseLog } from './log-analysis.domain.ts';
import { filterCases, selectCases } from './log-filter.domain.ts';
import { caseAttributeValues } from './process-analysis.domain.ts';

it('keeps case attributes per case, filters on them, carries them through filters and storage', () => {
  const b = new EventLogBuilder();
  b.add('c1', 'A', 1000, null);
  b.setCaseAttribute('c1', 'channel', 'web');
  b.setCaseAttribute('c1', 'channel', 'phone'); // the first value stays
  b.add('c2', 'A', 2000, null);
  b.setCaseAttribute('c2', 'channel', 'phone');
  b.add('c3', 'A', 3000, null);
  b.setCaseAttribute('ghost', 'channel', 'web'); // a case without events is never created
  const log = b.build();
  assert.deepEqual(log.caseIds, ['c1', 'c2', 'c3']);
  assert.deepEqual(log.caseAttributes, { channel: ['web', 'phone', ''] });
  assert.deepEqual(caseAttributeValues(log), [
    {
      name: 'channel',
      values: [
        { value: '(none)', cases: 1 },
        { value: 'phone', cases: 1 },
        { value: 'web', cases: 1 },
      ],
    },
  ]);
  const keep = selectCases(log, analyseLog(log), { attribute: { name: 'channel', values: ['phone', ''] } });
  assert.deepEqual([...keep], [0, 1, 1]);
  const sub = filterCases(log, keep);
  assert.deepEqual(sub.caseAttributes, { channel: ['phone', ''] });
  assert.deepEqual([...selectCases(log, analyseLog(log), { attribute: { name: 'nope', values: ['x'] } })], [0, 0, 0]);
  const stored = decodeEventLog(new Map(encodeEventLog(log).map((c) => [c.name, c.data])));
  assert.deepEqual(stored.caseAttributes, log.caseAttributes);
  const plain = new EventLogBuilder();
  plain.add('x', 'A', 1, null);
  assert.equal(decodeEventLog(new Map(encodeEventLog(plain.build()).map((c) => [c.name, c.data]))).caseAttributes, undefined);
});
