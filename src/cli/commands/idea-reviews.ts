import type { Services } from '../../app.ts';
import { CHECK_ITEMS, type CheckItem, REVIEW_KINDS, type ReviewKind } from '../../modules/ideas/idea-reviews.domain.ts';
import { AppError } from '../../platform/errors.ts';
import { type Actor, cliActor } from '../../platform/permissions/actor.ts';
import { withServices } from '../context.ts';

export interface ReviewOptions {
  as?: string;
  submit?: string;
  approve?: string;
  requestChanges?: string;
  confirm?: string;
  waive?: string;
  dataClass?: string;
  note?: string;
  reason?: string;
  json?: boolean;
}

const badOption = (option: string, allowed: readonly string[]) =>
  new AppError('BAD_REQUEST', { status: 400, userMessage: `${option} takes one of: ${allowed.join(', ')}.` });

function kindOf(value: string, option: string): ReviewKind {
  if (!(REVIEW_KINDS as readonly string[]).includes(value)) throw badOption(option, REVIEW_KINDS);
  return value as ReviewKind;
}
function itemOf(value: string, option: string): CheckItem {
  if (!(CHECK_ITEMS as readonly string[]).includes(value)) throw badOption(option, CHECK_ITEMS);
  return value as CheckItem;
}

async function actorOf(services: Services, email: string | undefined, acting: boolean): Promise<Actor> {
  if (email) return services.directory.actorForEmail(email, `cli:${process.env.USER ?? 'operator'}`);
  // Reviews are four-eyes decisions between people: the terminal acts as someone.
  if (acting) throw new AppError('BAD_REQUEST', { status: 400, userMessage: 'Say who acts: --as <e-mail address>.' });
  return cliActor();
}

/**
 * `symbiont ideas review <id> [--as e-mail] [--submit kind | --approve kind | --request-changes kind
 * | --confirm item | --waive item] [--note] [--reason] [--data-class] [--json]`: shows the reviews
 * of an idea (and the technical checklist with its automatic results) after doing the one action asked.
 */
export async function ideasReviewCommand(id: string, options: ReviewOptions): Promise<void> {
  await withServices(async (services) => {
    const reviews = services.ideaReviews;
    const acting = [options.submit, options.approve, options.requestChanges, options.confirm, options.waive].filter(Boolean).length;
    if (acting > 1) throw new AppError('BAD_REQUEST', { status: 400, userMessage: 'Do one thing at a time.' });
    const actor = await actorOf(services, options.as, acting === 1);
    if (options.submit) await reviews.submit(actor, id, { kind: kindOf(options.submit, '--submit'), note: options.note });
    if (options.approve) await reviews.decide(actor, id, kindOf(options.approve, '--approve'), { decision: 'approve', note: options.note });
    if (options.requestChanges)
      await reviews.decide(actor, id, kindOf(options.requestChanges, '--request-changes'), {
        decision: 'request_changes',
        note: options.note,
      });
    if (options.confirm)
      await reviews.check(actor, id, itemOf(options.confirm, '--confirm'), { decision: 'confirm', dataClass: options.dataClass });
    if (options.waive) await reviews.check(actor, id, itemOf(options.waive, '--waive'), { decision: 'waive', reason: options.reason });
    const state = await reviews.get(actor, id);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(state, null, 2)}\n`);
      return;
    }
    const out = (line: string) => process.stdout.write(`${line}\n`);
    const round = (r: typeof state.business) => (r ? `${r.status.replace('_', ' ')} (round ${r.round})` : 'not submitted');
    out(`idea ${id} [${state.phase} · ${state.status}] — go live: ${state.goLive.ok ? 'open' : 'waits for both reviews'}`);
    for (const w of state.workflows)
      out(
        `workflow: ${w.name} (${w.id}, ${w.status}${w.publishedVersion === null ? '' : ` v${w.publishedVersion}`}) ${w.succeededRuns}/${state.minTestRuns} succeeded runs`,
      );
    out(`business review:  ${round(state.business)}`);
    out(`technical review: ${round(state.technical)}`);
    for (const c of state.checklist) {
      const mark = c.auto.pass === true ? '✓' : c.auto.pass === false ? '✗' : '?';
      out(
        `  ${mark} ${c.item.padEnd(15)} ${c.state}${c.decision ? ` (${c.decision.decision} by ${c.decision.by}${c.decision.reason ? `: ${c.decision.reason}` : ''})` : ''}`,
      );
      for (const why of c.auto.why) out(`      ${why}`);
    }
    for (const h of state.history)
      out(
        `  ${h.submittedAt} ${h.kind} #${h.round} ${h.status} — by ${h.submittedBy}${h.decidedBy ? `, decided by ${h.decidedBy}` : ''}${h.decisionNote ? `: ${h.decisionNote}` : ''}`,
      );
  });
}
