import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AutomationRow,
  contributors,
  countBy,
  expectedByWeek,
  valueCsv,
  valueSeries,
  velocity,
  weeksBetween,
} from './dashboard.domain.ts';

const at = (iso: string) => Date.parse(iso);
const idea = (id: string, over: Partial<Parameters<typeof velocity>[0][number]> = {}) => ({
  id,
  phase: 'idea',
  teamId: null,
  submitterId: 'ann',
  builderId: null,
  createdAt: '2026-11-02T10:00:00.000Z',
  liveSince: null,
  ...over,
});
const row = (ideaId: string, over: Partial<AutomationRow> = {}): AutomationRow => ({
  ideaId,
  name: ideaId,
  kind: 'process',
  categoryId: 'c',
  teamId: null,
  submitterId: 'ann',
  builderId: 'bob',
  liveSince: null,
  source: 'assessment',
  minutesSavedPerRun: 6,
  hourlyCost: 50,
  expectedPerYear: 7305,
  expected: 0,
  actual: 0,
  actualHours: 0,
  humanHours: 0,
  runs: 0,
  succeededRuns: 0,
  realisation: null,
  weeks: [],
  ...over,
});

describe('weeksBetween and expectedByWeek', () => {
  it('lists the Mondays of the weeks overlapping the window', () => {
    assert.deepEqual(weeksBetween(at('2026-11-04'), at('2026-11-17')), ['2026-11-02', '2026-11-09', '2026-11-16']);
    assert.deepEqual(weeksBetween(at('2026-11-17'), at('2026-11-04')), []);
  });
  it('spreads the expected yearly value over the days of each week inside the window', () => {
    // 7,305 a year is 20 a day; the window covers 5 days of the first week and 7 of the second.
    const weeks = expectedByWeek(7305, { from: at('2026-11-04'), to: at('2026-11-16') }, ['2026-11-02', '2026-11-09']);
    assert.deepEqual(weeks, [100, 140]);
    assert.deepEqual(expectedByWeek(7305, null, ['2026-11-02']), [0]);
  });
});

describe('velocity', () => {
  it('counts submissions per week and the median days from submission to live', () => {
    const v = velocity(
      [
        idea('a', { liveSince: '2026-11-12T10:00:00.000Z' }),
        idea('b', { createdAt: '2026-11-10T10:00:00.000Z', liveSince: '2026-11-14T10:00:00.000Z' }),
        idea('c', { createdAt: '2026-10-01T10:00:00.000Z' }),
      ],
      at('2026-11-02'),
      at('2026-11-16'),
    );
    assert.equal(v.submitted, 2);
    assert.equal(v.wentLive, 2);
    assert.equal(v.medianDaysToLive, 7);
    assert.deepEqual(v.submittedPerWeek, [
      { week: '2026-11-02', count: 1 },
      { week: '2026-11-09', count: 1 },
    ]);
  });
  it('has no median when nothing went live', () => {
    assert.equal(velocity([idea('a')], at('2026-11-02'), at('2026-11-09')).medianDaysToLive, null);
  });
});

describe('countBy, valueSeries and contributors', () => {
  it('counts by key, largest first', () => {
    assert.deepEqual(
      countBy([{ p: 'live' }, { p: 'idea' }, { p: 'idea' }], (x) => x.p),
      [
        { key: 'idea', count: 2 },
        { key: 'live', count: 1 },
      ],
    );
  });
  it('adds the automations week by week', () => {
    const series = valueSeries(
      [
        row('a', { weeks: [{ week: '2026-11-02', expected: 10, actual: 8 }] }),
        row('b', {
          weeks: [
            { week: '2026-11-02', expected: 5, actual: 1 },
            { week: '2026-11-09', expected: 5, actual: 7 },
          ],
        }),
      ],
      at('2026-11-02'),
      at('2026-11-16'),
    );
    assert.deepEqual(series, [
      { week: '2026-11-02', expected: 15, actual: 9 },
      { week: '2026-11-09', expected: 5, actual: 7 },
    ]);
  });
  it('ranks submitters by ideas and builders by live automations, with realised value and the reuse hook', () => {
    const c = contributors(
      [
        idea('a', { phase: 'live', builderId: 'bob' }),
        idea('b', { submitterId: 'cy', phase: 'live', builderId: 'bob' }),
        idea('c'),
        idea('d', { submitterId: 'cy', phase: 'build', builderId: 'dee' }),
        idea('e', { submitterId: 'cy' }),
      ],
      [row('a', { actual: 100 }), row('b', { actual: -20 })],
      new Map([
        ['bob', 4],
        ['eve', 3],
        ['zed', 0],
      ]),
    );
    assert.deepEqual(c.submitters, [
      { userId: 'cy', ideas: 3, liveIdeas: 1, realisedValue: -20 },
      { userId: 'ann', ideas: 2, liveIdeas: 1, realisedValue: 100 },
    ]);
    // eve built nothing live, but others built on her templates; zed's templates were never reused.
    assert.deepEqual(c.builders, [
      { userId: 'bob', liveAutomations: 2, realisedValue: 80, templateReuses: 4 },
      { userId: 'eve', liveAutomations: 0, realisedValue: 0, templateReuses: 3 },
    ]);
  });
});

describe('valueCsv', () => {
  it('quotes commas and quotes, defuses formulas, and ends lines with CRLF', () => {
    const csv = valueCsv([row('i1', { name: 'Refunds, "urgent"', realisation: 0.123456 }), row('i2', { name: '=SUM(A1)' })]);
    const lines = csv.split('\r\n');
    assert.equal(
      lines[0],
      'idea_id,name,kind,live_since,source,minutes_saved_per_run,hourly_cost,expected_per_year,expected,actual,realisation,runs,succeeded_runs,actual_hours,human_hours',
    );
    assert.equal(lines[1], 'i1,"Refunds, ""urgent""",process,,assessment,6,50,7305,0,0,0.1235,0,0,0,0');
    assert.equal(lines[2]?.split(',')[1], "'=SUM(A1)");
    assert.equal(lines[3], '');
  });
});
