// What the chaos bench counts, read from Symbiont's SQLite file (read-only; between lives and
// after the final stop) and from the receipt sink. See docs/benchmarks.md, bench:chaos.
import SQLite from 'better-sqlite3';
import type { SentRequest } from './load.ts';
import type { Receipt } from './receipt-sink.ts';
import { RECEIPT_NODE } from './workflows.ts';

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);
const CHUNK = 400;

/** When each receipt step's success was first seen committed: the life by whose end it was. */
export interface CommitTracker {
  committed: Map<string, { life: number; receipt: number | null }>;
  /** Reads the receipt steps not yet seen committed; call it while no server runs, tagging it with the life that just ended. */
  observe(life: number): void;
}

const runIdOf = (key: string) => key.slice(0, key.length - RECEIPT_NODE.length - 1);
const receiptNo = (outputJson: string | null): number | null => {
  try {
    const value = (JSON.parse(outputJson ?? 'null') as { body?: { receipt?: unknown } } | null)?.body?.receipt;
    return typeof value === 'number' ? value : null;
  } catch {
    return null;
  }
};

export function createCommitTracker(dbFile: string, receipts: Map<string, Receipt[]>): CommitTracker {
  const committed = new Map<string, { life: number; receipt: number | null }>();
  return {
    committed,
    observe(life) {
      const pending = [...receipts.keys()].filter((k) => !committed.has(k)).map(runIdOf);
      if (pending.length === 0) return;
      const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
      try {
        for (let i = 0; i < pending.length; i += CHUNK) {
          const ids = pending.slice(i, i + CHUNK);
          const rows = db
            .prepare(
              `select run_id, output_json from run_steps where node_id = ? and item_key = '' and status = 'succeeded' and run_id in (${ids.map(() => '?').join(',')})`,
            )
            .all(RECEIPT_NODE, ...ids) as { run_id: string; output_json: string | null }[];
          for (const r of rows) committed.set(`${r.run_id}:${RECEIPT_NODE}`, { life, receipt: receiptNo(r.output_json) });
        }
      } finally {
        db.close();
      }
    },
  };
}

export interface ChaosAudit {
  runs: number;
  runsByStatus: Record<string, number>;
  acked: number;
  /** Acknowledged requests whose run is missing or did not end succeeded, by reason. */
  lost: { missing: string[]; notSucceeded: string[] };
  /** Runs (acknowledged or not) not in a final state. */
  unfinished: string[];
  /** W5 deliveries that got two different run ids, and trigger keys with more than one run. */
  duplicateRuns: string[];
  receiptKeys: number;
  receipts: number;
  /** Receipt steps executed again in a later life, each earlier execution cut off before its commit (allowed). */
  rerunAfterCutOff: number;
  /** Step rows with attempt > 1, all within what the kills allow (allowed). */
  attemptsAfterKill: number;
  /** The five duplicate checks, each a list of step keys `<run id>:<node id>`. */
  duplicates: {
    sameLife: string[];
    afterCommit: string[];
    attemptExcess: string[];
    unrecorded: string[];
    staleCommit: string[];
  };
  duplicatedSteps: number;
  /** Succeeded runs without the expected step rows, or W5 runs with no receipt at the sink. */
  incomplete: string[];
  /** Evidence lines for anything counted against Symbiont. */
  evidence: string[];
}

interface RunRecord {
  id: string;
  workflow_id: string;
  status: string;
  trigger_key: string | null;
}
interface StepRecord {
  run_id: string;
  node_id: string;
  item_key: string;
  status: string;
  attempt: number;
  started_at: string | null;
  finished_at: string | null;
  output_json: string | null;
}

/**
 * The final audit, after the last life was stopped. `deaths` are the moments (ms) each killed
 * life was seen gone; `expectedSteps` the step rows a succeeded run of each workflow has.
 */
export function auditChaos(input: {
  dbFile: string;
  requests: readonly SentRequest[];
  receipts: Map<string, Receipt[]>;
  committed: CommitTracker['committed'];
  deaths: readonly number[];
  expectedSteps: Record<string, number>;
  w5WorkflowId: string;
}): ChaosAudit {
  const db = new SQLite(input.dbFile, { readonly: true, fileMustExist: true });
  let runs: RunRecord[];
  let steps: StepRecord[];
  try {
    runs = db.prepare('select id, workflow_id, status, trigger_key from runs').all() as RunRecord[];
    steps = db
      .prepare('select run_id, node_id, item_key, status, attempt, started_at, finished_at, output_json from run_steps')
      .all() as StepRecord[];
  } finally {
    db.close();
  }
  const evidence: string[] = [];
  const byId = new Map(runs.map((r) => [r.id, r]));
  const runsByStatus: Record<string, number> = {};
  for (const r of runs) runsByStatus[r.status] = (runsByStatus[r.status] ?? 0) + 1;

  const lost = { missing: [] as string[], notSucceeded: [] as string[] };
  const duplicateRuns: string[] = [];
  let acked = 0;
  for (const req of input.requests) {
    if (req.conflictingRunId) {
      duplicateRuns.push(req.id);
      evidence.push(`duplicate run: delivery ${req.id} acknowledged as ${req.runId}, a retry answered ${req.conflictingRunId}`);
    }
    if (req.runId === null) continue;
    acked += 1;
    const run = byId.get(req.runId);
    if (!run) {
      lost.missing.push(req.runId);
      evidence.push(`lost: ${req.kind} request ${req.id} acknowledged with run ${req.runId}, which is not in the database`);
    } else if (run.status !== 'succeeded') {
      lost.notSucceeded.push(req.runId);
      evidence.push(`lost: ${req.kind} request ${req.id} acknowledged with run ${req.runId}, whose status is ${run.status}`);
    }
  }
  const byTriggerKey = new Map<string, number>();
  for (const r of runs) if (r.trigger_key) byTriggerKey.set(r.trigger_key, (byTriggerKey.get(r.trigger_key) ?? 0) + 1);
  for (const [key, n] of byTriggerKey)
    if (n > 1) {
      duplicateRuns.push(key);
      evidence.push(`duplicate run: trigger key ${key} has ${n} runs`);
    }
  const unfinished = runs.filter((r) => !FINAL.has(r.status)).map((r) => r.id);
  for (const id of unfinished.slice(0, 5)) evidence.push(`unfinished: run ${id} is ${byId.get(id)?.status}`);

  const duplicates = {
    sameLife: [] as string[],
    afterCommit: [] as string[],
    attemptExcess: [] as string[],
    unrecorded: [] as string[],
    staleCommit: [] as string[],
  };
  let rerunAfterCutOff = 0;
  let receiptsTotal = 0;
  for (const [key, list] of input.receipts) {
    receiptsTotal += list.length;
    const lives = list.map((r) => r.life);
    if (new Set(lives).size < lives.length) {
      duplicates.sameLife.push(key);
      evidence.push(`duplicate: ${key} executed twice in one server life (lives ${lives.join(', ')})`);
    }
    const commit = input.committed.get(key);
    if (commit) {
      const late = list.filter((r) => r.life > commit.life);
      if (late.length > 0) {
        duplicates.afterCommit.push(key);
        evidence.push(
          `duplicate: ${key} succeeded and was committed by the end of life ${commit.life} (receipt ${commit.receipt}), then executed again in life ${late.map((r) => r.life).join(', ')}`,
        );
      }
      const last = list[list.length - 1];
      if (commit.receipt !== null && last && commit.receipt !== last.no && late.length === 0) {
        duplicates.staleCommit.push(key);
        evidence.push(`duplicate: ${key} committed receipt ${commit.receipt} but the sink saw a later execution (receipt ${last.no})`);
      }
    }
    if (list.length > 1 && !duplicates.sameLife.includes(key) && !duplicates.afterCommit.includes(key)) rerunAfterCutOff += 1;
  }

  const rowsByRun = new Map<string, number>();
  let attemptsAfterKill = 0;
  const deaths = [...input.deaths].sort((a, b) => a - b);
  const killsBetween = (from: number, to: number) => deaths.filter((d) => d >= from && d <= to).length;
  for (const s of steps) {
    rowsByRun.set(s.run_id, (rowsByRun.get(s.run_id) ?? 0) + 1);
    if (s.status !== 'succeeded') continue;
    const key = `${s.run_id}:${s.node_id}${s.item_key ? `:${s.item_key}` : ''}`;
    // Each attempt after the first needs a death of the process driving it (nothing here fails).
    if (s.attempt > 1) {
      const allowed = 1 + killsBetween(Date.parse(s.started_at ?? ''), Date.parse(s.finished_at ?? ''));
      if (s.attempt > allowed) {
        duplicates.attemptExcess.push(key);
        evidence.push(
          `duplicate: step ${key} succeeded at attempt ${s.attempt}, but only ${allowed - 1} kill(s) fell between its start ${s.started_at} and end ${s.finished_at}`,
        );
      } else attemptsAfterKill += 1;
    }
    if (s.node_id === RECEIPT_NODE) {
      const seen = input.receipts.get(key)?.length ?? 0;
      if (seen > s.attempt) {
        duplicates.unrecorded.push(key);
        evidence.push(`duplicate: ${key} reached the sink ${seen} times but recorded ${s.attempt} attempt(s)`);
      }
      const commit = input.committed.get(key);
      const committedNo = receiptNo(s.output_json);
      const last = input.receipts.get(key)?.at(-1);
      if (!commit && last && committedNo !== null && committedNo !== last.no) {
        duplicates.staleCommit.push(key);
        evidence.push(`duplicate: ${key} committed receipt ${committedNo} but the sink saw a later execution (receipt ${last.no})`);
      }
    }
  }
  const incomplete: string[] = [];
  for (const r of runs) {
    if (r.status !== 'succeeded') continue;
    const expected = input.expectedSteps[r.workflow_id];
    if (expected !== undefined && rowsByRun.get(r.id) !== expected) {
      incomplete.push(r.id);
      evidence.push(`incomplete: succeeded run ${r.id} has ${rowsByRun.get(r.id) ?? 0} step rows, expected ${expected}`);
    } else if (r.workflow_id === input.w5WorkflowId && !input.receipts.has(`${r.id}:${RECEIPT_NODE}`)) {
      incomplete.push(r.id);
      evidence.push(`incomplete: succeeded W5 run ${r.id} never reached the receipt sink`);
    }
  }
  const flagged = new Set(Object.values(duplicates).flat());
  return {
    runs: runs.length,
    runsByStatus,
    acked,
    lost,
    unfinished,
    duplicateRuns,
    receiptKeys: input.receipts.size,
    receipts: receiptsTotal,
    rerunAfterCutOff,
    attemptsAfterKill,
    duplicates,
    duplicatedSteps: flagged.size,
    incomplete,
    evidence,
  };
}
