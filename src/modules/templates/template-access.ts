import { AppError, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { can } from '../../platform/permissions/authorize.ts';
import type { TemplateRecord, TemplatesRepository } from './templates.repository.ts';

/** The acting person's id: templates are published, used and rated by people, not by the system. */
export function personOf(actor: Actor): string {
  if (actor.userId) return actor.userId;
  throw new AppError('BAD_REQUEST', {
    status: 400,
    userMessage: 'Templates are published, used and rated by a person; act as one (the CLI: --as <e-mail address>).',
  });
}

/** The author edits, re-publishes and archives a template; administrators (ideas.manage) curate every template. */
export const mayEdit = (actor: Actor, t: Pick<TemplateRecord, 'author_id'>): boolean =>
  (actor.userId !== null && actor.userId === t.author_id) || can(actor, 'ideas.manage');

export function requireEditor(actor: Actor, t: Pick<TemplateRecord, 'author_id'>): void {
  if (mayEdit(actor, t)) return;
  throw new AppError('TEMPLATE_NOT_AUTHOR', {
    status: 403,
    userMessage: 'Only the author of this template (or an administrator) may change it.',
  });
}

export function requireActive(t: Pick<TemplateRecord, 'status'>): void {
  if (t.status === 'active') return;
  throw new AppError('TEMPLATE_ARCHIVED', { status: 409, userMessage: 'This template is archived.' });
}

export async function loadTemplate(repo: TemplatesRepository, id: string): Promise<TemplateRecord> {
  const row = await repo.find(id);
  if (!row) throw notFound('Template', id);
  return row;
}
