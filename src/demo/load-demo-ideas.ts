import type { Services } from '../app.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import type { Actor } from '../platform/permissions/actor.ts';
import { cliActor } from '../platform/permissions/actor.ts';
import { demoAssessment } from './demo-assessments.domain.ts';
import type { IdeaStep } from './demo-ideas.domain.ts';
import { DEMO_IDEAS, type DemoIdea } from './demo-ideas-catalog.ts';

/**
 * Plays the demo ideas' steps through the services, each as the person who takes it (their
 * own grants, so a step a role may not take fails the demo), on whatever the clock says.
 */
export function createIdeaStepRunner(
  services: Services,
  handle: DatabaseHandle,
  options: { teamIds: ReadonlyMap<string, string>; workflowIds: ReadonlyMap<string, string> },
) {
  const ideas = new Map(DEMO_IDEAS.map((i) => [i.key, i]));
  const ideaIds = new Map<string, string>();
  const actors = new Map<string, Actor>();
  let categories: Map<string, string> | null = null;
  let templateId = '';

  async function actorFor(email: string): Promise<Actor> {
    const known = actors.get(email);
    if (known) return known;
    const user = await handle.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const actor = await services.directory.actorForUser(user.id, (name) => name);
    actors.set(email, actor);
    return actor;
  }

  async function categoryId(name: string): Promise<string> {
    categories ??= new Map((await services.ideaCategories.list(cliActor('demo loader'))).map((c) => [c.name, c.id]));
    const id = categories.get(name);
    if (!id) throw new Error(`demo: no idea category ${name}`);
    return id;
  }

  function idOf(key: string): string {
    const id = ideaIds.get(key);
    if (!id) throw new Error(`demo: idea ${key} is not submitted yet`);
    return id;
  }

  async function submit(actor: Actor, idea: DemoIdea): Promise<void> {
    const [rules, digital, structured, change, documentation] = idea.screen;
    const created = await services.ideas.submit(actor, {
      name: idea.name,
      description: idea.description,
      categoryId: await categoryId(idea.category),
      teamId: options.teamIds.get(idea.team) ?? null,
      painPoints: idea.painPoints,
      applications: idea.applications,
      frequencyPeriod: idea.frequency[0],
      frequencyCount: idea.frequency[1],
      minutesPerCase: idea.minutesPerCase,
      screen: { rules, digital, structured, change, documentation },
    });
    ideaIds.set(idea.key, created.id);
  }

  /** The reviewer confirms what the automatic checks pass and waives the rest, saying why. */
  async function reviewChecks(actor: Actor, ideaId: string): Promise<void> {
    const state = await services.ideaReviews.get(actor, ideaId);
    for (const entry of state.checklist) {
      if (entry.item === 'data_class') {
        await services.ideaReviews.check(actor, ideaId, 'data_class', { decision: 'confirm', dataClass: 'confidential' });
      } else if (entry.auto.pass === true) {
        await services.ideaReviews.check(actor, ideaId, entry.item, { decision: 'confirm' });
      } else {
        const why = entry.auto.why.join('; ') || 'not checked automatically';
        await services.ideaReviews.check(actor, ideaId, entry.item, { decision: 'waive', reason: `Accepted for the pilot: ${why}` });
      }
    }
  }

  return {
    ideaIds: ideaIds as ReadonlyMap<string, string>,
    async run(step: IdeaStep): Promise<void> {
      const idea = ideas.get(step.idea) as DemoIdea;
      const actor = await actorFor(step.by);
      switch (step.kind) {
        case 'submit':
          return submit(actor, idea);
        case 'vote':
          await services.ideaCommunity.vote(actor, idOf(step.idea), true);
          return;
        case 'comment':
          await services.ideaCommunity.comment(actor, idOf(step.idea), step.body);
          return;
        case 'me-too':
          await services.ideaCommunity.meToo(actor, idOf(step.idea), { note: step.note });
          return;
        case 'move':
          await services.ideaPipeline.transition(actor, idOf(step.idea), { ...step.to, reason: step.reason });
          return;
        case 'claim':
          await services.ideaPipeline.claim(actor, idOf(step.idea));
          return;
        case 'link': {
          const workflowId = options.workflowIds.get(step.workflow);
          if (!workflowId) throw new Error(`demo: no workflow ${step.workflow}`);
          await services.ideaPipeline.linkWorkflow(actor, idOf(step.idea), workflowId);
          return;
        }
        case 'publish-template': {
          const template = await services.templates.publish(actor, {
            workflowId: options.workflowIds.get(step.workflow) ?? '',
            ...SHOP_TEMPLATE,
            categoryId: await categoryId('Sales & orders'),
          });
          templateId = template.id;
          return;
        }
        case 'use-template':
          await services.templates.use(actor, templateId, { name: step.name, teamId: options.teamIds.get('shop') ?? null });
          return;
        case 'rate-template':
          await services.templateReviews.rate(actor, templateId, { stars: step.stars, text: step.text });
          return;
        case 'assess':
          await services.assessments.save(actor, idOf(step.idea), demoAssessment(idea));
          return;
        case 'review-submit':
          await services.ideaReviews.submit(actor, idOf(step.idea), { kind: step.review });
          return;
        case 'review-approve':
          await services.ideaReviews.decide(actor, idOf(step.idea), step.review, { decision: 'approve', note: 'Looks good.' });
          return;
        case 'review-checks':
          return reviewChecks(actor, idOf(step.idea));
      }
    },
  };
}

const SHOP_TEMPLATE = {
  name: 'Orders from a webhook, totalled and filed',
  summary: 'Takes an order posted by a web shop, totals it, files it for the daily report and flags large orders for a call back.',
  documentation: [
    '## What it does',
    '',
    '1. A web shop (or any form) **posts the order** to the webhook.',
    '2. The order is **totalled** and filed in the shop folder for the evening report.',
    '3. Orders of 100 € or more are **flagged for a call back**.',
    '',
    '## Set it up',
    '',
    '- Point your shop’s order webhook at the workflow’s webhook address.',
    '- Change the threshold in the *100 € or more?* step.',
  ].join('\n'),
  tags: ['orders', 'webhook', 'shop'],
  note: 'First version',
};

/** One progress line per idea step. */
export function describeIdeaStep(step: IdeaStep): string {
  return step.kind === 'move' ? `idea ${step.idea} → ${step.to.phase}/${step.to.status}` : `idea ${step.idea}: ${step.kind}`;
}
