import type { Db } from '../../platform/db/database.ts';
import type { FormLinksTable } from '../../platform/db/schema.ts';

export type FormLinkRow = FormLinksTable;

/** A form link with its workflow and that workflow's live version. */
export type FormLinkTarget = FormLinkRow & {
  workflow_name: string;
  workflow_status: string;
  version_id: string | null;
  definition_json: string | null;
};

export function createFormsRepository(db: Db) {
  const withTarget = (q: Db = db) =>
    q
      .selectFrom('form_links')
      .innerJoin('workflows', 'workflows.id', 'form_links.workflow_id')
      .leftJoin('workflow_versions', 'workflow_versions.id', 'workflows.published_version_id')
      .selectAll('form_links')
      .select([
        'workflows.name as workflow_name',
        'workflows.status as workflow_status',
        'workflow_versions.id as version_id',
        'workflow_versions.definition_json',
      ]);

  return {
    find: (id: string, trx: Db = db): Promise<FormLinkTarget | undefined> =>
      withTarget(trx).where('form_links.id', '=', id).executeTakeFirst(),

    findByTokenHash: (hash: string): Promise<FormLinkTarget | undefined> =>
      withTarget().where('form_links.token_hash', '=', hash).executeTakeFirst(),

    findByWorkflow: (workflowId: string, trx: Db = db) =>
      trx.selectFrom('form_links').selectAll().where('workflow_id', '=', workflowId).executeTakeFirst(),

    /** Form links of workflows that are not archived, in id order (ids sort by creation). */
    list: (limit: number, afterId?: string, workflowId?: string): Promise<FormLinkTarget[]> => {
      let q = withTarget().where('workflows.status', '!=', 'archived');
      if (workflowId) q = q.where('form_links.workflow_id', '=', workflowId);
      if (afterId) q = q.where('form_links.id', '>', afterId);
      return q.orderBy('form_links.id').limit(limit).execute();
    },

    insert: (row: FormLinkRow, trx: Db = db) => trx.insertInto('form_links').values(row).execute(),

    update: (id: string, patch: Partial<FormLinkRow>, trx: Db = db) =>
      trx.updateTable('form_links').set(patch).where('id', '=', id).execute(),

    /** Counts an accepted submission. */
    countSubmission: (id: string, at: string) =>
      db
        .updateTable('form_links')
        .set((eb) => ({ submissions: eb('submissions', '+', 1), last_submission_at: at }))
        .where('id', '=', id)
        .execute(),

    /** Counts a submission the honeypot caught. */
    countSpam: (id: string) =>
      db
        .updateTable('form_links')
        .set((eb) => ({ spam_blocked: eb('spam_blocked', '+', 1) }))
        .where('id', '=', id)
        .execute(),

    /** The run an earlier submission with this key started (double clicks, retries). */
    runOfSubmission: async (workflowId: string, triggerKey: string) =>
      (
        await db
          .selectFrom('runs')
          .select('id')
          .where('workflow_id', '=', workflowId)
          .where('trigger_key', '=', triggerKey)
          .executeTakeFirst()
      )?.id ?? null,
  };
}

export type FormsRepository = ReturnType<typeof createFormsRepository>;
