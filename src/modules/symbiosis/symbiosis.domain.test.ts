import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figures, type RunFact, symbiosis, type TaskFact, weekStart } from './symbiosis.domain.ts';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-11-25T12:00:00Z'); // a Wednesday

const run = (id: string, createdAt: string, hours: number | null, activeMs: number, steps: number, workflowId = 'wf-1'): RunFact => ({
  id,
  workflowId,
  status: hours === null ? 'waiting' : 'succeeded',
  createdAt,
  startedAt: createdAt,
  finishedAt: hours === null ? null : new Date(at(createdAt) + hours * H).toISOString(),
  activeMs,
  steps,
});
const task = (
  runId: string,
  kind: string,
  createdAt: string,
  openHours: number | null,
  dueHours: number | null,
  workflowId = 'wf-1',
): TaskFact => ({
  runId,
  workflowId,
  kind,
  status: openHours === null ? 'open' : 'done',
  createdAt,
  closedAt: openHours === null ? null : new Date(at(createdAt) + openHours * H).toISOString(),
  dueAt: dueHours === null ? null : new Date(at(createdAt) + dueHours * H).toISOString(),
});

describe('weekStart', () => {
  it('is Monday 00:00 UTC of the week', () => {
    assert.equal(new Date(weekStart(NOW)).toISOString(), '2026-11-23T00:00:00.000Z');
    assert.equal(new Date(weekStart(at('2026-11-23T00:00:00Z'))).toISOString(), '2026-11-23T00:00:00.000Z');
    assert.equal(new Date(weekStart(at('2026-11-22T23:59:59Z'))).toISOString(), '2026-11-16T00:00:00.000Z');
  });
});

describe('figures', () => {
  // Run A: 10 h, 1 s of work, 4 step rows, one approval open 6 h (due after 8 h: met).
  // Run B: 3 h, 2 s of work, 3 step rows, an exception open 2 h (due after 1 h: breached).
  // Run C: still waiting since 2 h before now, 0.5 s of work, 2 step rows, an approval open since then (due after 1 h: overdue).
  const runs = [
    run('a', '2026-11-24T08:00:00Z', 10, 1000, 4),
    run('b', '2026-11-24T09:00:00Z', 3, 2000, 3),
    run('c', '2026-11-25T10:00:00Z', null, 500, 2),
  ];
  const tasks = [
    task('a', 'approval', '2026-11-24T09:00:00Z', 6, 8),
    task('b', 'exception', '2026-11-24T10:00:00Z', 2, 1),
    task('c', 'approval', '2026-11-25T10:00:00Z', null, 1),
  ];
  const f = figures(runs, tasks, NOW);

  it('counts people steps as tasks and leaves an exception’s failed step with the machine', () => {
    assert.equal(f.peopleSteps, 3);
    // 4 − 1 (approval) + 3 − 0 (exception stays machine) + 2 − 1 (approval)
    assert.equal(f.machineSteps, 7);
    assert.equal(f.peopleStepShare, 3 / 10);
  });

  it('splits time: machine work, people (open tasks), machine wait (the rest)', () => {
    assert.equal(f.machineWorkMs, 3500);
    assert.equal(f.peopleMs, 6 * H + 2 * H + 2 * H);
    // A: 10 h − 1 s − 6 h; B: 3 h − 2 s − 2 h; C: 2 h − 0.5 s − 2 h → 0
    assert.equal(f.machineWaitMs, 4 * H - 1000 + (H - 2000));
    assert.equal(f.peopleTimeShare, (10 * H) / (10 * H + 3500 + 5 * H - 3000));
  });

  it('cycle time of closed tasks, SLA breaches of judged tasks, exceptions per 100 runs', () => {
    assert.equal(f.tasksClosed, 2);
    assert.equal(f.cycleP50Ms, 2 * H);
    assert.equal(f.cycleP90Ms, 6 * H);
    assert.equal(f.slaTasks, 3);
    assert.equal(f.slaBreached, 2);
    assert.equal(f.slaBreachRate, 2 / 3);
    assert.equal(f.exceptions, 1);
    assert.equal(f.exceptionsPer100Runs, 100 / 3);
  });

  it('does not judge an open task that is not yet due, and has nulls when there is nothing', () => {
    const g = figures([], [task('x', 'form', '2026-11-25T11:00:00Z', null, 5)], NOW);
    assert.equal(g.slaTasks, 0);
    assert.equal(g.slaBreachRate, null);
    assert.equal(g.exceptionsPer100Runs, null);
    const empty = figures([], [], NOW);
    assert.equal(empty.peopleStepShare, null);
    assert.equal(empty.peopleTimeShare, null);
    assert.equal(empty.cycleP50Ms, null);
  });
});

describe('symbiosis', () => {
  it('buckets runs and tasks by the week they began, with every week present, and per workflow', () => {
    const runs = [
      run('old', '2026-11-10T08:00:00Z', 1, 100, 2),
      run('new', '2026-11-24T08:00:00Z', 5, 100, 3, 'wf-2'),
      run('ancient', '2026-09-01T08:00:00Z', 1, 1, 1),
    ];
    // The task of the old run opened in the next week: the old run's machine wait still excludes it.
    const tasks = [task('old', 'form', '2026-11-17T08:00:00Z', 0.5, null), task('new', 'approval', '2026-11-24T09:00:00Z', 1, 2, 'wf-2')];
    const s = symbiosis({ runs, tasks, now: NOW, weeks: 3 });
    assert.deepEqual(
      s.weeks.map((w) => [w.week, w.runs, w.tasksOpened]),
      [
        ['2026-11-09', 1, 0],
        ['2026-11-16', 0, 1],
        ['2026-11-23', 1, 1],
      ],
    );
    assert.equal(s.since, '2026-11-09T00:00:00.000Z');
    assert.equal(s.totals.runs, 2, 'the run before the period is left out');
    assert.equal(s.weeks[0]?.machineSteps, 1, 'the form’s step row is a people step even though the form opened a week later');
    assert.equal(s.weeks[0]?.machineWaitMs, H - 100 - H / 2);
    assert.deepEqual(s.workflows.map((w) => [w.workflowId, w.runs, w.peopleSteps]).sort(), [
      ['wf-1', 1, 1],
      ['wf-2', 1, 1],
    ]);
  });
});
