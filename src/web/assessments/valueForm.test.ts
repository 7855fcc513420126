import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorAt, getIn, setIn } from './valueForm.ts';

describe('setIn', () => {
  it('replaces a nested value without touching the original, and removes it when undefined', () => {
    const before = { cost: { buildHours: 10, builderHourlyCost: 60 } };
    const after = setIn(before, ['cost', 'buildHours'], { low: 5, likely: 10, high: 20 });
    assert.deepEqual(after.cost.buildHours, { low: 5, likely: 10, high: 20 });
    assert.equal(before.cost.buildHours, 10);
    assert.deepEqual(setIn(before, ['cost', 'buildHours'], undefined), { cost: { builderHourlyCost: 60 } });
    assert.deepEqual(setIn({}, ['benefit', 'adoption'], 0.7), { benefit: { adoption: 0.7 } });
    assert.equal(getIn(after, ['cost', 'buildHours', 'likely']), 10);
    assert.equal(getIn(after, ['nothing', 'here']), undefined);
  });
});

describe('errorAt', () => {
  it('finds the error of a field or of one of its parts', () => {
    const errors = { 'input.volumetry.volume': 'At least 0', 'input.cost.buildHours.low': 'low is above high' };
    assert.equal(errorAt(errors, 'input.volumetry.volume'), 'At least 0');
    assert.equal(errorAt(errors, 'input.cost.buildHours'), 'low: low is above high');
    assert.equal(errorAt(errors, 'input.cost'), 'buildHours.low: low is above high');
    assert.equal(errorAt(errors, 'input.volumetry.minutesPerCase'), undefined);
  });
});
