import type { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { toConnectorError } from './connector-errors.ts';
import type { ActionContext, ActionDefinition, PollContext, TriggerDefinition } from './sdk.ts';

export interface IssueView {
  /** Dotted path of the field, e.g. `attachments.0.content`; '' for the whole value. */
  path: string;
  message: string;
  code: string;
}

export function issuesOf(error: z.ZodError): IssueView[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }));
}

const summary = (issues: IssueView[]) =>
  issues
    .slice(0, 5)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');

function inputInvalid(what: string, error: z.ZodError): AppError {
  const issues = issuesOf(error);
  return new AppError('STEP_INPUT_INVALID', {
    status: 400,
    userMessage: `The ${what} is invalid: ${summary(issues)}.`,
    details: { issues },
    retryable: false,
  });
}

function outputInvalid(what: string, error: z.ZodError): AppError {
  const issues = issuesOf(error);
  return new AppError('STEP_OUTPUT_INVALID', {
    status: 500,
    userMessage: `The ${what} returned output that does not match its schema: ${summary(issues)}.`,
    details: { issues },
    retryable: false,
    expected: false,
  });
}

function requireCredentialPresence(def: { credential?: { type: string; required: boolean } }, ctx: ActionContext, what: string): void {
  if (def.credential?.required && !ctx.credential) {
    throw new AppError('CREDENTIAL_REQUIRED', {
      status: 400,
      userMessage: `The ${what} needs a credential of type "${def.credential.type}"; choose one in the step's settings.`,
      details: { credentialType: def.credential.type },
      retryable: false,
    });
  }
}

/** Failures from inside `run`/`poll`: cancellation passes through untouched, the rest become AppErrors. */
function failure(error: unknown, ctx: ActionContext, what: string): unknown {
  if (ctx.signal.aborted) return ctx.signal.reason ?? error;
  return toConnectorError(error, what);
}

/**
 * Runs one action: parses the (already expression-resolved) input with the action's schema
 * (STEP_INPUT_INVALID, not retryable, details.issues naming each path), runs it, and checks
 * its output (STEP_OUTPUT_INVALID). Errors thrown by the action are AppErrors with `retryable`
 * set; an aborted `ctx.signal` rethrows its reason.
 *
 * @example
 * const output = await runAction(findAction('csv', 'parse'), { text: 'a,b\n1,2' }, ctx);
 */
export async function runAction(action: ActionDefinition, rawInput: unknown, ctx: ActionContext): Promise<unknown> {
  const what = `step "${action.title}"`;
  const parsed = action.input.safeParse(rawInput);
  if (!parsed.success) throw inputInvalid(`input of the ${what}`, parsed.error);
  requireCredentialPresence(action, ctx, what);
  ctx.signal.throwIfAborted();
  let raw: unknown;
  try {
    raw = await action.run(parsed.data, ctx);
  } catch (error) {
    throw failure(error, ctx, action.title);
  }
  const output = action.output.safeParse(raw);
  if (!output.success) throw outputInvalid(what, output.error);
  return output.data;
}

/**
 * Polls one trigger: parses its config (STEP_INPUT_INVALID), polls with the previous state and
 * checks that every item has a non-empty string `dedupeKey`.
 */
export async function pollTrigger(
  trigger: TriggerDefinition,
  rawConfig: unknown,
  ctx: PollContext,
): Promise<{ items: { dedupeKey: string; data: unknown }[]; state: unknown }> {
  const what = `trigger "${trigger.title}"`;
  const parsed = trigger.config.safeParse(rawConfig);
  if (!parsed.success) throw inputInvalid(`configuration of the ${what}`, parsed.error);
  requireCredentialPresence(trigger, ctx, what);
  ctx.signal.throwIfAborted();
  let result: Awaited<ReturnType<TriggerDefinition['poll']>>;
  try {
    result = await trigger.poll(parsed.data, ctx);
  } catch (error) {
    throw failure(error, ctx, trigger.title);
  }
  const bad = result.items.findIndex((i) => typeof i.dedupeKey !== 'string' || i.dedupeKey === '');
  if (bad >= 0) {
    throw new AppError('STEP_OUTPUT_INVALID', {
      status: 500,
      userMessage: `The ${what} returned an item without a dedupeKey (item ${bad}).`,
      details: { issues: [{ path: `items.${bad}.dedupeKey`, message: 'Required', code: 'invalid_type' }] },
      retryable: false,
      expected: false,
    });
  }
  return result;
}
