import type { RoleKey } from '../../platform/permissions/catalog.ts';

export const PHASES = ['idea', 'assessment', 'qualification', 'analysis', 'design', 'build', 'test', 'live'] as const;
export type Phase = (typeof PHASES)[number];

export const STATUSES = [
  'awaiting_review',
  'approved',
  'rejected',
  'duplicate',
  'archived',
  'on_track',
  'at_risk',
  'delayed',
  'on_hold',
  'cancelled',
] as const;
export type Status = (typeof STATUSES)[number];

/** Phases before the decision gate take review statuses; delivery phases take progress statuses. */
const REVIEW_PHASES: readonly Phase[] = ['idea', 'assessment', 'qualification'];
const REVIEW_STATUSES: readonly Status[] = ['awaiting_review', 'approved', 'rejected', 'duplicate', 'archived', 'on_hold'];
const DELIVERY_STATUSES: readonly Status[] = ['on_track', 'at_risk', 'delayed', 'on_hold', 'cancelled', 'archived'];
/** Nothing moves out of these. */
export const FINAL_STATUSES: readonly Status[] = ['rejected', 'duplicate', 'archived', 'cancelled'];

/**
 * What a move is, for the rules of who may do it:
 * - `review`: screen a new idea (Idea → Assessment, or mark it duplicate/rejected/on hold in Idea);
 * - `qualify`: the decision gate (Assessment → Qualification, approve or reject at Qualification);
 * - `plan`: start delivery and shape it (Qualification → Analysis → Design);
 * - `build`: Design → Build → Test, and progress statuses in Build and Test;
 * - `go_live`: Test → Live;
 * - `progress`: on track / at risk / delayed / on hold within Analysis, Design and Live;
 * - `send_back`: to an earlier phase;
 * - `close`: archive or cancel from any phase;
 * - `withdraw`: the submitter archives their own idea while it is still in the Idea phase.
 */
export const ACTIONS = ['review', 'qualify', 'plan', 'build', 'go_live', 'progress', 'send_back', 'close', 'withdraw'] as const;
export type Action = (typeof ACTIONS)[number];

/** Who may do what by default; a category can override any action (idea_transition_rules). */
export const DEFAULT_RULES: Record<Action, readonly RoleKey[]> = {
  review: ['approver', 'programme_manager'],
  qualify: ['approver', 'programme_manager'],
  plan: ['builder', 'programme_manager'],
  build: ['builder', 'programme_manager'],
  go_live: ['approver', 'programme_manager'],
  progress: ['builder', 'programme_manager'],
  send_back: ['programme_manager'],
  close: ['programme_manager'],
  withdraw: [],
};

export interface Stage {
  phase: Phase;
  status: Status;
}

export type TransitionCheck = { ok: true; action: Action } | { ok: false; reason: string };

/** The statuses a phase may take. */
export function statusesOf(phase: Phase): readonly Status[] {
  if (REVIEW_PHASES.includes(phase)) return REVIEW_STATUSES;
  if (phase === 'live') return ['on_track', 'at_risk', 'on_hold', 'archived'];
  return DELIVERY_STATUSES;
}

/**
 * Whether `from → to` is a legal move and which action it is. Pure: the pipeline state machine.
 * Forward moves go one phase at a time; a delivery phase is entered only from an approved
 * qualification (or the phase before); the gate at Qualification ends in approved or rejected.
 */
export function classifyTransition(from: Stage, to: Stage, bySubmitter = false): TransitionCheck {
  const fail = (reason: string): TransitionCheck => ({ ok: false, reason });
  if (!statusesOf(to.phase).includes(to.status)) return fail(`An idea in ${to.phase} cannot be ${to.status}.`);
  if (FINAL_STATUSES.includes(from.status)) return fail(`The idea is ${from.status}: it no longer moves.`);
  if (from.phase === to.phase && from.status === to.status) return fail('The idea is already there.');
  const fi = PHASES.indexOf(from.phase);
  const ti = PHASES.indexOf(to.phase);
  if (to.status === 'archived' || to.status === 'cancelled') {
    if (ti !== fi) return fail('Archive or cancel an idea in the phase it is in.');
    if (bySubmitter && from.phase === 'idea' && to.status === 'archived') return { ok: true, action: 'withdraw' };
    return { ok: true, action: 'close' };
  }
  if (ti < fi) return { ok: true, action: 'send_back' };
  if (ti > fi + 1) return fail(`Ideas move one phase at a time: ${from.phase} → ${PHASES[fi + 1]}.`);
  if (ti === fi + 1) {
    // Leaving a review phase needs it to be reviewed; the gate needs an approval.
    if (from.phase === 'qualification' && from.status !== 'approved') return fail('Only an approved idea leaves Qualification.');
    if (from.phase === 'idea' && to.phase === 'assessment' && to.status !== 'awaiting_review')
      return fail('An idea enters Assessment awaiting review.');
    if (from.phase === 'assessment' && to.status !== 'awaiting_review') return fail('An idea enters Qualification awaiting the decision.');
    if (from.status === 'on_hold' && !REVIEW_PHASES.includes(from.phase)) return fail('Resume the idea (on track) before moving it on.');
    if (to.phase === 'assessment') return { ok: true, action: 'review' };
    if (to.phase === 'qualification') return { ok: true, action: 'qualify' };
    if (to.phase === 'analysis' || to.phase === 'design') return { ok: true, action: 'plan' };
    if (to.phase === 'build' || to.phase === 'test') return { ok: true, action: 'build' };
    return { ok: true, action: 'go_live' };
  }
  // Same phase, new status.
  if (from.phase === 'idea') return { ok: true, action: 'review' };
  if (from.phase === 'assessment') {
    if (to.status === 'approved') return fail('Approval is decided at Qualification.');
    return { ok: true, action: 'qualify' };
  }
  if (from.phase === 'qualification') return { ok: true, action: 'qualify' };
  if (from.phase === 'build' || from.phase === 'test') return { ok: true, action: 'build' };
  return { ok: true, action: 'progress' };
}

/** Whether one of `roles` (held for the idea's category or team, or globally) may take `action`. */
export function mayTake(action: Action, roles: ReadonlySet<RoleKey>, rules: Partial<Record<Action, readonly RoleKey[]>>): boolean {
  if (roles.has('admin')) return true;
  return (rules[action] ?? DEFAULT_RULES[action]).some((r) => roles.has(r));
}

/** Every legal move out of `from` that `roles` may take (the UI's buttons, the decision queue). */
export function movesFor(
  from: Stage,
  roles: ReadonlySet<RoleKey>,
  rules: Partial<Record<Action, readonly RoleKey[]>>,
  bySubmitter = false,
): (Stage & { action: Action })[] {
  const moves: (Stage & { action: Action })[] = [];
  for (const phase of PHASES) {
    for (const status of statusesOf(phase)) {
      const check = classifyTransition(from, { phase, status }, bySubmitter);
      if (!check.ok) continue;
      if (check.action === 'withdraw' ? bySubmitter : mayTake(check.action, roles, rules))
        moves.push({ phase, status, action: check.action });
    }
  }
  return moves;
}

/** A decision is pending on an idea awaiting review in one of the review phases. */
export function awaitsDecision(stage: Stage): boolean {
  return stage.status === 'awaiting_review' && REVIEW_PHASES.includes(stage.phase);
}
