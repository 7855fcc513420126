import Papa from 'papaparse';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { EXPORT_COLUMNS, type ImportDraft, parseImportRow, type RowError } from './idea-csv.domain.ts';
import type { IdeasRepository } from './ideas.repository.ts';
import type { SubmitIdeaInput } from './ideas.schemas.ts';
import type { IdeasService } from './ideas.service.ts';

/** Most row errors reported at once. */
const MAX_ERRORS = 200;

/**
 * `symbiont ideas import|export`: CSV in and out. An import is all-or-nothing: every row is
 * checked (fields, then category, team and submitter names) before anything is written, and
 * then all rows go in one transaction.
 */
export function createIdeaImport(deps: { repo: IdeasRepository; ideas: IdeasService }) {
  return {
    async importCsv(actor: Actor, text: string, onProgress?: (phase: 'check' | 'write', done: number, total: number) => void) {
      authorize(actor, 'ideas.manage');
      const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
      const errors: RowError[] = parsed.errors.map((e) => ({ line: (e.row ?? 0) + 2, field: '', message: e.message }));
      const drafts: ImportDraft[] = [];
      const badRows: { line: number; category: string }[] = [];
      parsed.data.forEach((record, i) => {
        const result = parseImportRow(record, i + 2);
        if ('errors' in result) {
          errors.push(...result.errors);
          if (result.category) badRows.push({ line: i + 2, category: result.category });
        } else drafts.push(result.draft);
      });
      const total = parsed.data.length;
      const rows: { input: SubmitIdeaInput; submitterId: string | null }[] = [];
      const cache = new Map<string, string | null>();
      const lookup = async (key: string, find: () => Promise<{ id: string } | undefined>) => {
        if (!cache.has(key)) cache.set(key, (await find())?.id ?? null);
        return cache.get(key) ?? null;
      };
      for (const b of badRows) {
        if (!(await lookup(`c:${b.category}`, () => deps.repo.categoryByName(b.category)))) {
          errors.push({ line: b.line, field: 'category', message: `Unknown category "${b.category}"` });
        }
      }
      for (const d of drafts) {
        const categoryId = await lookup(`c:${d.category}`, () => deps.repo.categoryByName(d.category));
        const teamId = d.team ? await lookup(`t:${d.team}`, () => deps.repo.teamByName(d.team ?? '')) : null;
        const submitterId = d.submitter ? await lookup(`u:${d.submitter}`, () => deps.repo.userByEmail(d.submitter ?? '')) : null;
        if (!categoryId) errors.push({ line: d.line, field: 'category', message: `Unknown category "${d.category}"` });
        if (d.team && !teamId) errors.push({ line: d.line, field: 'team', message: `Unknown team "${d.team}"` });
        if (d.submitter && !submitterId) errors.push({ line: d.line, field: 'submitter', message: `No user ${d.submitter}` });
        if (categoryId) rows.push({ input: { ...(d.body as SubmitIdeaInput), categoryId, teamId }, submitterId });
        onProgress?.('check', rows.length, total);
      }
      if (total === 0) errors.push({ line: 1, field: '', message: 'The file has no rows' });
      if (errors.length > 0) {
        errors.sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
        throw new AppError('IDEA_IMPORT_INVALID', {
          status: 400,
          userMessage: `${errors.length} problem(s) in the file; nothing was imported.`,
          details: { errors: errors.slice(0, MAX_ERRORS) },
        });
      }
      return deps.ideas.importMany(actor, rows, (done) => onProgress?.('write', done, total));
    },

    /** Every idea (or those matching `query`) as CSV, in pages of 200. */
    async exportCsv(actor: Actor, write: (chunk: string) => void) {
      authorize(actor, 'ideas.read');
      write(`${Papa.unparse([EXPORT_COLUMNS as unknown as string[]])}\r\n`);
      let cursor: string | undefined;
      let count = 0;
      do {
        const page = await deps.ideas.list(actor, { sort: 'created', order: 'asc', limit: 200, ...(cursor ? { cursor } : {}) });
        const rows = [];
        const ideas = [];
        for (const item of page.items) ideas.push(await deps.ideas.get(actor, item.id));
        const emails = await deps.repo.emailsOf([...new Set(ideas.flatMap((i) => (i.submitter ? [i.submitter.id] : [])))]);
        for (const idea of ideas) {
          rows.push([
            idea.id,
            idea.name,
            idea.description,
            idea.category.name,
            idea.team?.name ?? '',
            idea.submitter ? (emails.get(idea.submitter.id) ?? '') : '',
            idea.painPoints,
            idea.applications.join(';'),
            idea.frequencyPeriod,
            idea.frequencyCount,
            idea.minutesPerCase,
            idea.screen.rules,
            idea.screen.digital,
            idea.screen.structured,
            idea.screen.change,
            idea.screen.documentation,
            idea.phase,
            idea.status,
            idea.score.score,
            idea.score.feasible,
            idea.votes,
            idea.supporters,
            idea.createdAt,
          ]);
        }
        if (rows.length > 0) write(`${Papa.unparse(rows)}\r\n`);
        count += rows.length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return count;
    },
  };
}

export type IdeaImport = ReturnType<typeof createIdeaImport>;
