// bench:inbox's data: a deterministic set of open tasks written straight into Symbiont's tables
// (the same columns the tasks module writes), so a database with a million open tasks takes
// seconds to build instead of a million workflow runs. A seeded generator: the same seed and
// sizes give the same rows, on SQLite and on PostgreSQL.
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { seededRandom } from '../../src/platform/seeded-random.ts';

/** The people whose inbox is measured: the principals one user answers to (tasks module's format). */
export interface TargetPrincipals {
  /** `u:<id>`: assigned to the user personally. */
  user: string;
  /** `t:<team>`: every member of the user's team. */
  team: string;
  /** `m:<team>`: the managers of that team (the user is one). */
  managers: string;
  /** `r:<role>`: holders of the user's global role. */
  role: string;
}

export interface GenerateOptions {
  tasks: number;
  /** How many of them reach the target user (through any of their principals). */
  targetTasks: number;
  target: TargetPrincipals;
  /** Due times are spread around this instant (ms). */
  now: number;
  seed?: number;
  onProgress?: (done: number) => void;
}

const UNDATED = '9999-12-31T23:59:59.999Z';
const KINDS = ['approval', 'approval', 'approval', 'approval', 'approval', 'form', 'form', 'task', 'task', 'exception'] as const;
const DAY = 86_400_000;
const OTHER_USERS = 5000;
const OTHER_TEAMS = 400;
export const CHUNK = 2000;

/** A UUIDv7-shaped id from a creation time and a sequence number (sorts by creation like the real ones). */
function taskId(ms: number, seq: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  const s = seq.toString(16).padStart(16, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8)}-7${s.slice(0, 3)}-8${s.slice(3, 6)}-${s.slice(6, 16).padStart(12, '0')}`;
}

export interface TaskRowOut {
  id: string;
  kind: string;
  title: string;
  due_at: string | null;
  created_at: string;
  context_json: string;
}
export interface AssigneeOut {
  task_id: string;
  principal: string;
  kind: string;
  sort_at: string;
}

/**
 * The rows, a chunk at a time. The target user's tasks are spread evenly through the set and
 * reach them through their own principal (half), their team, their managers' principal or their
 * role; one in ten of those also through a second principal (the inbox shows it once). Every
 * other task goes to one or two of 5,000 other people, 400 other teams or their managers.
 * Kinds: half approvals, then forms, to-dos, exceptions; 70 % have a due time between ten days
 * ago and twenty days ahead (so some are overdue), the rest none.
 */
export function* taskChunks(o: GenerateOptions): Generator<{ tasks: TaskRowOut[]; assignees: AssigneeOut[] }> {
  const rnd = seededRandom(o.seed ?? 42);
  const every = o.tasks / o.targetTasks;
  let nextTarget = 0;
  let targetsMade = 0;
  const start = o.now - 30 * DAY;
  let tasks: TaskRowOut[] = [];
  let assignees: AssigneeOut[] = [];
  const otherPrincipal = () => {
    const r = rnd();
    if (r < 0.7) return `u:bench-user-${Math.floor(rnd() * OTHER_USERS)}`;
    if (r < 0.9) return `t:bench-team-${Math.floor(rnd() * OTHER_TEAMS)}`;
    return `m:bench-team-${Math.floor(rnd() * OTHER_TEAMS)}`;
  };
  for (let i = 0; i < o.tasks; i++) {
    const created = start + Math.floor((i / o.tasks) * 30 * DAY);
    const id = taskId(created, i);
    const kind = KINDS[Math.floor(rnd() * KINDS.length)] as string;
    const due = rnd() < 0.7 ? new Date(o.now - 10 * DAY + Math.floor(rnd() * 30 * DAY)).toISOString() : null;
    const sortAt = due ?? UNDATED;
    const n = i + 1;
    tasks.push({
      id,
      kind,
      title: kind === 'exception' ? `Price lookup failed for order ${n}` : `Invoice ${n} from supplier ${n % 97}`,
      due_at: due,
      created_at: new Date(created).toISOString(),
      context_json: JSON.stringify({ invoice: n, amount: Math.round(rnd() * 500_000) / 100, supplier: `Supplier ${n % 97}` }),
    });
    const principals = new Set<string>();
    if (i >= nextTarget && targetsMade < o.targetTasks) {
      targetsMade += 1;
      nextTarget = Math.floor(targetsMade * every);
      const r = rnd();
      const via = r < 0.5 ? o.target.user : r < 0.8 ? o.target.team : r < 0.9 ? o.target.managers : o.target.role;
      principals.add(via);
      if (rnd() < 0.1) principals.add(via === o.target.user ? o.target.team : o.target.user);
    } else {
      principals.add(otherPrincipal());
      if (rnd() < 0.4) principals.add(otherPrincipal());
    }
    for (const principal of principals) assignees.push({ task_id: id, principal, kind, sort_at: sortAt });
    if (tasks.length === CHUNK) {
      yield { tasks, assignees };
      o.onProgress?.(i + 1);
      tasks = [];
      assignees = [];
    }
  }
  if (tasks.length > 0) yield { tasks, assignees };
  o.onProgress?.(o.tasks);
}

/** Writes the tasks into a SQLite file (the server must not be running). */
export function writeSqlite(file: string, o: GenerateOptions): void {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertTask = db.prepare(
    `insert into tasks (id, kind, status, title, description, team_id, policy, required_count, eligible_count, bar_initiator,
       context_json, due_at, signal_pending, created_at, updated_at)
     values (?, ?, 'open', ?, '', null, 'any', 1, 1, 0, ?, ?, 0, ?, ?)`,
  );
  const insertAssignee = db.prepare(
    `insert into task_assignees (task_id, principal, reason, open, kind, sort_at) values (?, ?, 'assigned', 1, ?, ?)`,
  );
  const write = db.transaction((chunk: { tasks: TaskRowOut[]; assignees: AssigneeOut[] }) => {
    for (const t of chunk.tasks) insertTask.run(t.id, t.kind, t.title, t.context_json, t.due_at, t.created_at, t.created_at);
    for (const a of chunk.assignees) insertAssignee.run(a.task_id, a.principal, a.kind, a.sort_at);
  });
  for (const chunk of taskChunks(o)) write(chunk);
  db.exec('analyze');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Writes the tasks into PostgreSQL (one multi-row insert per chunk through unnest). */
export async function writePostgres(url: string, o: GenerateOptions): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const chunk of taskChunks(o)) {
      const t = chunk.tasks;
      await client.query(
        `insert into tasks (id, kind, status, title, description, policy, required_count, eligible_count, bar_initiator,
           context_json, due_at, signal_pending, created_at, updated_at)
         select id, kind, 'open', title, '', 'any', 1, 1, 0, ctx, due, 0, created, created
           from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as x(id, kind, title, ctx, due, created)`,
        [
          t.map((r) => r.id),
          t.map((r) => r.kind),
          t.map((r) => r.title),
          t.map((r) => r.context_json),
          t.map((r) => r.due_at),
          t.map((r) => r.created_at),
        ],
      );
      const a = chunk.assignees;
      await client.query(
        `insert into task_assignees (task_id, principal, reason, open, kind, sort_at)
         select task_id, principal, 'assigned', 1, kind, sort_at
           from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as x(task_id, principal, kind, sort_at)`,
        [a.map((r) => r.task_id), a.map((r) => r.principal), a.map((r) => r.kind), a.map((r) => r.sort_at)],
      );
    }
    // As autovacuum would have by the time a database holds a million tasks: statistics, and a
    // visibility map so index-only scans (the counts) need not visit the table.
    await client.query('vacuum analyze tasks');
    await client.query('vacuum analyze task_assignees');
  } finally {
    await client.end();
  }
}
