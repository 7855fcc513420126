import type { z } from 'zod';
import { submitIdeaBody } from './ideas.schemas.ts';

/** The columns of `symbiont ideas import` and `export` (export adds the pipeline columns). */
export const IMPORT_COLUMNS = [
  'name',
  'description',
  'category',
  'team',
  'submitter',
  'pain_points',
  'applications',
  'frequency_period',
  'frequency_count',
  'minutes_per_case',
  'rules',
  'digital',
  'structured',
  'change',
  'documentation',
] as const;
export const EXPORT_COLUMNS = [
  'id',
  ...IMPORT_COLUMNS,
  'phase',
  'status',
  'score',
  'feasible',
  'votes',
  'supporters',
  'created_at',
] as const;

export interface RowError {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  field: string;
  message: string;
}

export interface ImportDraft {
  line: number;
  category: string;
  team: string | null;
  submitter: string | null;
  body: Omit<z.input<typeof submitIdeaBody>, 'categoryId' | 'teamId'>;
}

const FIELD_OF: Record<string, string> = {
  painPoints: 'pain_points',
  frequencyPeriod: 'frequency_period',
  frequencyCount: 'frequency_count',
  minutesPerCase: 'minutes_per_case',
};

const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? Number.NaN : Number(v));

/**
 * One CSV record → a draft checked against the submit schema (category and team are names,
 * resolved later; applications are separated by `;`). Every wrong field of the row is named.
 */
export function parseImportRow(
  record: Record<string, string | undefined>,
  line: number,
): { draft: ImportDraft } | { errors: RowError[]; category: string } {
  const body = {
    name: record.name ?? '',
    description: record.description ?? '',
    painPoints: record.pain_points ?? '',
    applications: (record.applications ?? '')
      .split(';')
      .map((a) => a.trim())
      .filter(Boolean),
    frequencyPeriod: (record.frequency_period ?? '').trim() as 'day',
    frequencyCount: num(record.frequency_count),
    minutesPerCase: num(record.minutes_per_case),
    screen: {
      rules: num(record.rules),
      digital: num(record.digital),
      structured: num(record.structured),
      change: num(record.change),
      documentation: num(record.documentation),
    },
  };
  const errors: RowError[] = [];
  const category = (record.category ?? '').trim();
  if (!category) errors.push({ line, field: 'category', message: 'Required' });
  const parsed = submitIdeaBody.omit({ categoryId: true, teamId: true }).safeParse(body);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const key = String(i.path.at(-1) ?? '');
      errors.push({ line, field: FIELD_OF[key] ?? key, message: i.message });
    }
  }
  // The category name comes back too, so that an unknown one is reported with the row's other errors.
  if (errors.length > 0) return { errors, category };
  return {
    draft: {
      line,
      category,
      team: (record.team ?? '').trim() || null,
      submitter: (record.submitter ?? '').trim().toLowerCase() || null,
      body,
    },
  };
}
