import { classifyTransition, type Phase, type Stage, type Status } from '../modules/ideas/pipeline.domain.ts';
import { seededRandom } from '../platform/seeded-random.ts';
import { DEMO_PEOPLE } from './demo-company.ts';
import { DEMO_IDEAS, type DemoIdea } from './demo-ideas-catalog.ts';

/**
 * The demo ideas' history as a plan of dated steps — submitted, voted, commented, assessed,
 * moved through the pipeline by the people whose role it is, claimed, linked to the workflow
 * that builds them — which the demo loader plays through the services on the replay clock.
 * Pure and deterministic: the same times and seed give the same plan.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type IdeaStep =
  | { at: number; kind: 'submit'; idea: string; by: string }
  | { at: number; kind: 'vote'; idea: string; by: string }
  | { at: number; kind: 'comment'; idea: string; by: string; body: string }
  | { at: number; kind: 'me-too'; idea: string; by: string; note: string }
  | { at: number; kind: 'assess'; idea: string; by: string }
  | { at: number; kind: 'move'; idea: string; by: string; to: Stage; reason: string }
  | { at: number; kind: 'claim'; idea: string; by: string }
  | { at: number; kind: 'link'; idea: string; by: string; workflow: string }
  | { at: number; kind: 'publish-template'; idea: string; by: string; workflow: string }
  | { at: number; kind: 'use-template'; idea: string; by: string; name: string }
  | { at: number; kind: 'rate-template'; idea: string; by: string; stars: number; text: string }
  | { at: number; kind: 'review-submit'; idea: string; by: string; review: 'business' | 'technical' }
  | { at: number; kind: 'review-checks'; idea: string; by: string }
  | { at: number; kind: 'review-approve'; idea: string; by: string; review: 'business' | 'technical' };

const START: Stage = { phase: 'idea', status: 'awaiting_review' };
const DELIVERY: Phase[] = ['analysis', 'design', 'build', 'test', 'live'];

/** The stages an idea passes through, one legal move each, from a new idea to `target`. */
export function pathTo(target: Stage): Stage[] {
  const path: Stage[] = [];
  const push = (phase: Phase, status: Status) => path.push({ phase, status });
  if (target.phase === 'idea') {
    if (target.status !== 'awaiting_review') push('idea', target.status);
    return path;
  }
  push('assessment', 'awaiting_review');
  if (target.phase === 'assessment') {
    if (target.status !== 'awaiting_review') push('assessment', target.status);
    return path;
  }
  push('qualification', 'awaiting_review');
  if (target.phase === 'qualification') {
    if (target.status !== 'awaiting_review') push('qualification', target.status);
    return path;
  }
  push('qualification', 'approved');
  for (const phase of DELIVERY) {
    push(phase, 'on_track');
    if (phase === target.phase) break;
  }
  if (target.status !== 'on_track') push(target.phase, target.status);
  return path;
}

const email = (name: string) => `${name}@crumb.example`;

/** Who approves for a team; never the idea's own builder. */
export function approverFor(idea: DemoIdea): string {
  if (idea.team === 'bakery') return email('lena');
  if (idea.team === 'shop') return email('hana');
  return idea.builder === email('priya') ? email('amira') : email('priya');
}

/** Who takes each kind of move on the idea. */
function moverFor(idea: DemoIdea, from: Stage, to: Stage): string {
  const check = classifyTransition(from, to, true);
  if (!check.ok) throw new Error(`demo idea ${idea.key}: ${check.reason}`);
  switch (check.action) {
    case 'withdraw':
      return idea.by;
    case 'close':
    case 'send_back':
      return email('jonas');
    case 'plan':
    case 'build':
    case 'progress':
      return idea.builder ?? email('priya');
    default:
      return approverFor(idea);
  }
}

const REASONS: Partial<Record<Status, string>> = {
  approved: 'Clear rules, good volume: approved.',
  rejected: 'Not automatable as it is today.',
  duplicate: 'Already covered by another idea.',
  archived: 'Withdrawn.',
  on_hold: 'Waiting for the supplier’s new system.',
  at_risk: 'The web shop’s API changes next month.',
  delayed: 'The builder is on holiday for two weeks.',
  cancelled: 'No longer needed.',
};

function reasonFor(to: Stage): string {
  if (to.status === 'on_track' && to.phase === 'live') return 'Tests passed; live.';
  if (to.status === 'on_track') return `Moving on to ${to.phase}.`;
  if (to.status === 'awaiting_review') return `Ready for ${to.phase}.`;
  return REASONS[to.status] ?? to.status;
}

export interface IdeaPlanOptions {
  /** The demo's "now" (end of the replay). */
  now: number;
  /** Morning of the first replayed day: the live ideas are built and linked before it. */
  firstDay: number;
  seed?: number;
}

/**
 * Every idea's steps. An idea is submitted `age` days before `now` (live ones before the replay
 * starts); its moves are spread evenly until the replay starts (live ones: until the first
 * replayed day, where their workflow is linked and they go live after a day of test runs) or
 * until an hour ago; votes and comments fall in between.
 */
export function planDemoIdeas(options: IdeaPlanOptions): IdeaStep[] {
  const random = seededRandom(options.seed ?? 7);
  const steps: IdeaStep[] = [];
  const people = DEMO_PEOPLE.map((p) => p.email);
  for (const idea of DEMO_IDEAS) {
    const live = idea.stage.phase === 'live';
    const submitted = Math.floor((live ? options.firstDay : options.now) - idea.age * DAY - (3 + random() * 6) * HOUR);
    const end = live ? options.firstDay - 4 * HOUR : options.now - HOUR;
    steps.push({ at: submitted, kind: 'submit', idea: idea.key, by: idea.by });

    const path = pathTo(idea.stage);
    const moves = live ? path.slice(0, -1) : path;
    const gap = Math.max((end - submitted) / (moves.length + 1), HOUR / 4);
    let from = START;
    moves.forEach((to, i) => {
      const at = Math.floor(submitted + gap * (i + 1));
      if (from.phase === 'assessment' && to.phase === 'qualification')
        steps.push({ at: at - 60_000, kind: 'assess', idea: idea.key, by: approverFor(idea) });
      steps.push({ at, kind: 'move', idea: idea.key, by: moverFor(idea, from, to), to, reason: reasonFor(to) });
      if (idea.builder && to.phase === 'qualification' && to.status === 'approved')
        steps.push({ at: at + 60_000, kind: 'claim', idea: idea.key, by: idea.builder });
      from = to;
    });
    if (live && idea.workflow) {
      const builder = idea.builder ?? email('priya');
      // Linked, reviewed by the business before the replay; after a day of runs (test runs for
      // the checklist) the programme manager reviews it technically, then it goes live.
      const later = (hours: number, back: number) => Math.min(options.firstDay + (24 + hours) * HOUR, options.now - back * HOUR);
      const key = idea.key;
      steps.push(
        { at: options.firstDay - 2 * HOUR, kind: 'link', idea: key, by: builder, workflow: idea.workflow },
        { at: options.firstDay - 1.5 * HOUR, kind: 'review-submit', idea: key, by: builder, review: 'business' },
        { at: options.firstDay - HOUR, kind: 'review-approve', idea: key, by: approverFor(idea), review: 'business' },
        { at: later(0, 1.5), kind: 'review-submit', idea: key, by: builder, review: 'technical' },
        { at: later(0.5, 1.4), kind: 'review-checks', idea: key, by: email('jonas') },
        { at: later(1, 1.3), kind: 'review-approve', idea: key, by: email('jonas'), review: 'technical' },
      );
      const goLive = Math.min(options.firstDay + DAY + 2 * HOUR, options.now - HOUR);
      const last = path[path.length - 1] as Stage;
      steps.push({ at: goLive, kind: 'move', idea: idea.key, by: moverFor(idea, from, last), to: last, reason: reasonFor(last) });
    }

    const span = Math.max(end - submitted, HOUR);
    const voters = people.filter((p) => p !== idea.by && random() < (live ? 0.8 : 0.15 + Math.min(idea.age, 40) / 80));
    for (const by of voters) steps.push({ at: Math.floor(submitted + 60_000 + random() * span * 0.8), kind: 'vote', idea: idea.key, by });
    (idea.comments ?? []).forEach(([by, body], i) => {
      steps.push({ at: Math.floor(submitted + (i + 1) * Math.min(span / 4, 5 * HOUR)), kind: 'comment', idea: idea.key, by, body });
    });
    for (const [by, note] of idea.meToo ?? [])
      steps.push({ at: Math.floor(submitted + span / 3), kind: 'me-too', idea: idea.key, by, note });
  }
  // The web-shop automation becomes a template; the shop builds its phone orders on it.
  const reuse = (days: number, back: number) => Math.min(options.firstDay + days * DAY, options.now - back * HOUR);
  steps.push(
    { at: reuse(2, 4), kind: 'publish-template', idea: 'shop-orders', by: email('kwame'), workflow: 'shop' },
    { at: reuse(3, 3), kind: 'use-template', idea: 'shop-orders', by: email('lucas'), name: 'Phone orders for the shop' },
    {
      at: reuse(3, 2) + 60_000,
      kind: 'rate-template',
      idea: 'shop-orders',
      by: email('lucas'),
      stars: 5,
      text: 'Had our phone orders running in an afternoon.',
    },
    {
      at: reuse(4, 1),
      kind: 'rate-template',
      idea: 'shop-orders',
      by: email('priya'),
      stars: 4,
      text: 'Clear documentation; add a note on the webhook secret.',
    },
  );
  return steps.sort((a, b) => a.at - b.at);
}
