import { DATA_CLASSES } from '../value/ease.domain.ts';

export const REVIEW_KINDS = ['business', 'technical'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export type ReviewStatus = 'pending' | 'approved' | 'changes_requested';

/** The technical checklist, in the order the reviewer sees it. */
export const CHECK_ITEMS = ['error_handling', 'credentials', 'data_class', 'owner', 'test_runs'] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];
export type DataClass = (typeof DATA_CLASSES)[number];
export { DATA_CLASSES };

/** Succeeded runs of the current published version a technical review asks for by default. */
export const DEFAULT_MIN_TEST_RUNS = 3;

/** What the automatic checks know about one linked workflow (read by the service, judged here). */
export interface WorkflowFacts {
  id: string;
  name: string;
  /** The published version's steps, or the draft's when nothing is published. */
  nodes: {
    id: string;
    name: string;
    type: string;
    retry?: { maxAttempts?: number } | undefined;
    onFailure?: 'fail' | 'task' | undefined;
    credentialId?: string | undefined;
    /** The credential type the step's type takes, if any. */
    credentialType?: { type: string; required: boolean } | undefined;
  }[];
  edges: { from: string; kind?: string | undefined }[];
  /** Existing credentials the steps name, by id. */
  credentials: Record<string, { type: string }>;
  teamId: string | null;
  owner: { id: string; name: string; active: boolean } | null;
  publishedVersion: number | null;
  /** Succeeded runs of the published version (0 when unpublished). */
  succeededRuns: number;
}

/** An automatic result: pass, fail, or null when only the reviewer can tell; `why` says each reason. */
export interface AutoResult {
  pass: boolean | null;
  why: string[];
}

/**
 * Error handling: every step that calls an external system (`connector.*`) either retries
 * (a retry policy with maxAttempts > 1), has an `error` edge to follow when it fails, or hands
 * the failure to a person (`onFailure: task`, an exception task). A workflow without connector
 * steps passes: nothing external can fail.
 */
export function checkErrorHandling(wf: WorkflowFacts): AutoResult {
  const external = wf.nodes.filter((n) => n.type.startsWith('connector.'));
  const bare = external.filter(
    (n) => !((n.retry?.maxAttempts ?? 1) > 1 || n.onFailure === 'task' || wf.edges.some((e) => e.from === n.id && e.kind === 'error')),
  );
  if (bare.length > 0) {
    return {
      pass: false,
      why: bare.map((n) => `${wf.name}: step "${n.name}" (${n.type}) has no retry policy, error edge or exception task`),
    };
  }
  return {
    pass: true,
    why: [
      external.length === 0
        ? `${wf.name}: no step calls an external system`
        : `${wf.name}: each of ${external.length} connector step(s) retries, has an error edge or an exception task`,
    ],
  };
}

/**
 * Credentials: every credential a step names exists and is of the type the step takes, and
 * every step that requires a credential names one. Symbiont's credentials are shared by the
 * installation (managed with `credentials.manage`), never personal, so none can belong to
 * someone who leaves.
 */
export function checkCredentials(wf: WorkflowFacts): AutoResult {
  const problems: string[] = [];
  let named = 0;
  for (const n of wf.nodes) {
    if (n.credentialId) {
      named += 1;
      const found = wf.credentials[n.credentialId];
      if (!found) problems.push(`${wf.name}: step "${n.name}" names credential ${n.credentialId}, which does not exist`);
      else if (n.credentialType && found.type !== n.credentialType.type)
        problems.push(`${wf.name}: step "${n.name}" takes a ${n.credentialType.type} credential, not ${found.type}`);
    } else if (n.credentialType?.required) {
      problems.push(`${wf.name}: step "${n.name}" needs a ${n.credentialType.type} credential and names none`);
    }
  }
  if (problems.length > 0) return { pass: false, why: problems };
  return { pass: true, why: [named === 0 ? `${wf.name}: uses no credential` : `${wf.name}: ${named} credential(s), each exists and fits`] };
}

/** Owner: the workflow has an active owner (who created it) and an owning team. */
export function checkOwner(wf: WorkflowFacts): AutoResult {
  const why: string[] = [];
  if (!wf.owner) why.push(`${wf.name}: has no owner`);
  else if (!wf.owner.active) why.push(`${wf.name}: its owner ${wf.owner.name} is deactivated`);
  if (!wf.teamId) why.push(`${wf.name}: has no owning team`);
  if (why.length > 0) return { pass: false, why };
  return { pass: true, why: [`${wf.name}: owned by ${wf.owner?.name}, with a team`] };
}

/** Test runs: at least `min` succeeded runs of the current published version. */
export function checkTestRuns(wf: WorkflowFacts, min: number): AutoResult {
  if (wf.publishedVersion === null) return { pass: false, why: [`${wf.name}: not published yet`] };
  const label = `${wf.name}: ${wf.succeededRuns} succeeded run(s) of version ${wf.publishedVersion}`;
  return wf.succeededRuns >= min ? { pass: true, why: [label] } : { pass: false, why: [`${label}, needs ${min}`] };
}

/** Data class: only the reviewer can tell; it passes once they picked one. */
export function checkDataClass(dataClass: string | null): AutoResult {
  return dataClass ? { pass: true, why: [`Data class: ${dataClass}`] } : { pass: null, why: ['The reviewer picks the data class'] };
}

/** Every item's automatic result over all linked workflows (an item passes when it passes for each). */
export function automaticChecks(workflows: readonly WorkflowFacts[], dataClass: string | null, minTestRuns: number) {
  const over = (check: (wf: WorkflowFacts) => AutoResult): AutoResult => {
    if (workflows.length === 0) return { pass: false, why: ['No workflow is linked to the idea'] };
    const results = workflows.map(check);
    return { pass: results.every((r) => r.pass === true), why: results.flatMap((r) => r.why) };
  };
  return {
    error_handling: over(checkErrorHandling),
    credentials: over(checkCredentials),
    data_class: checkDataClass(dataClass),
    owner: over(checkOwner),
    test_runs: over((wf) => checkTestRuns(wf, minTestRuns)),
  } satisfies Record<CheckItem, AutoResult>;
}

export interface ItemDecision {
  decision: 'confirmed' | 'waived';
  reason: string;
  by: string;
  at: string;
}

/**
 * An item's state: `waived` (with a reason, whatever the check says), `passed` (the automatic
 * check passes and the reviewer confirmed it), `to_confirm` (it passes, not confirmed yet) or
 * `failing` (it fails: fix it, or waive it with a reason).
 */
export function itemState(auto: AutoResult, decision: ItemDecision | undefined): 'waived' | 'passed' | 'to_confirm' | 'failing' {
  if (decision?.decision === 'waived') return 'waived';
  if (auto.pass !== true) return 'failing';
  return decision?.decision === 'confirmed' ? 'passed' : 'to_confirm';
}

/** Items that keep a technical review from approval (every item must be passed or waived). */
export function openItems(auto: Record<CheckItem, AutoResult>, decisions: Partial<Record<CheckItem, ItemDecision>>): CheckItem[] {
  return CHECK_ITEMS.filter((item) => !['passed', 'waived'].includes(itemState(auto[item], decisions[item])));
}

export interface RoundBrief {
  kind: string;
  round: number;
  status: string;
}

/** The latest round of a kind (the current state of that review), or null before any submission. */
export function latestRound<T extends RoundBrief>(rounds: readonly T[], kind: ReviewKind): T | null {
  let latest: T | null = null;
  for (const r of rounds) if (r.kind === kind && (!latest || r.round > latest.round)) latest = r;
  return latest;
}

export type SubmitCheck = { ok: true; round: number } | { ok: false; code: string; reason: string };

/**
 * Whether the builder may submit a review of `kind` now. Reviews happen in Build or Test, with
 * at least one linked workflow; one round is open at a time; the technical review follows an
 * approved business review; an approved review is not submitted again.
 */
export function maySubmit(kind: ReviewKind, rounds: readonly RoundBrief[], phase: string, linkedWorkflows: number): SubmitCheck {
  if (phase !== 'build' && phase !== 'test')
    return { ok: false, code: 'IDEA_REVIEW_NOT_OPEN', reason: 'Reviews are submitted in the Build or Test phase.' };
  if (linkedWorkflows === 0)
    return { ok: false, code: 'IDEA_REVIEW_NO_WORKFLOW', reason: 'Link or create at least one workflow before asking for a review.' };
  const latest = latestRound(rounds, kind);
  if (latest?.status === 'pending') return { ok: false, code: 'IDEA_REVIEW_IN_PROGRESS', reason: `The ${kind} review is already waiting.` };
  if (latest?.status === 'approved') return { ok: false, code: 'IDEA_REVIEW_APPROVED', reason: `The ${kind} review is already approved.` };
  if (kind === 'technical' && latestRound(rounds, 'business')?.status !== 'approved')
    return { ok: false, code: 'IDEA_REVIEW_OUT_OF_ORDER', reason: 'The technical review follows an approved business review.' };
  return { ok: true, round: (latest?.round ?? 0) + 1 };
}

/** Whether the idea may go Live: both reviews approved in their latest round. */
export function reviewsApproved(rounds: readonly RoundBrief[]): { ok: boolean; business: string; technical: string } {
  const business = latestRound(rounds, 'business')?.status ?? 'not_submitted';
  const technical = latestRound(rounds, 'technical')?.status ?? 'not_submitted';
  return { ok: business === 'approved' && technical === 'approved', business, technical };
}
