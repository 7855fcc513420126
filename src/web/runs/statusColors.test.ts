import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isActiveRun, nodeStatuses, statusColor } from './statusColors.ts';

describe('statusColor', () => {
  it('gives success, failure and progress distinct colours', () => {
    assert.equal(statusColor('succeeded'), 'teal');
    assert.equal(statusColor('failed'), 'red');
    assert.equal(statusColor('running'), 'blue');
    assert.equal(new Set(['succeeded', 'failed', 'running', 'waiting', 'retrying'].map(statusColor)).size, 5);
  });

  it('falls back to gray for a status it does not know', () => {
    assert.equal(statusColor('exploded'), 'gray');
  });
});

describe('isActiveRun', () => {
  it('is true while a run is queued, running or waiting', () => {
    assert.deepEqual(['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'].map(isActiveRun), [
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('nodeStatuses', () => {
  it('takes the latest step of each node', () => {
    const map = nodeStatuses([
      { nodeId: 'a', itemKey: '', seq: 1, status: 'retrying' },
      { nodeId: 'a', itemKey: '', seq: 2, status: 'succeeded' },
      { nodeId: 'b', itemKey: '', seq: 3, status: 'running' },
    ]);
    assert.equal(map.get('a'), 'succeeded');
    assert.equal(map.get('b'), 'running');
  });

  it('shows a loop body as failed when any item failed', () => {
    const map = nodeStatuses([
      { nodeId: 'body', itemKey: '0', seq: 1, status: 'failed' },
      { nodeId: 'body', itemKey: '1', seq: 2, status: 'succeeded' },
    ]);
    assert.equal(map.get('body'), 'failed');
  });
});
