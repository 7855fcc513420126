import type { TemplateNeed } from './template-strip.domain.ts';
import { averageRating } from './templates.domain.ts';
import type { TemplateRecord, TemplatesRepository } from './templates.repository.ts';
import type { TemplateSummary } from './templates.schemas.ts';

type ReviewRow = Awaited<ReturnType<TemplatesRepository['reviews']>>[number];

export function summaryOf(row: TemplateRecord): TemplateSummary {
  return {
    id: row.id,
    name: row.name,
    summary: row.summary,
    category: row.category_id ? { id: row.category_id, name: row.category_name ?? '' } : null,
    tags: JSON.parse(row.tags_json) as string[],
    author: { id: row.author_id, name: row.author_name ?? '(deleted user)' },
    status: row.status as 'active' | 'archived',
    version: Number(row.current_version),
    uses: Number(row.use_count),
    rating: averageRating(Number(row.rating_sum), Number(row.rating_count)),
    ratingCount: Number(row.rating_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const reviewOf = (r: ReviewRow) => ({
  user: { id: r.user_id, name: r.user_name ?? '(deleted user)' },
  stars: Number(r.stars),
  text: r.text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const needsOf = (json: string): TemplateNeed[] => JSON.parse(json) as TemplateNeed[];

/** What the audit log keeps of a template. */
export const auditView = (
  row: Pick<TemplateRecord, 'name' | 'summary' | 'category_id' | 'tags_json' | 'status' | 'current_version'> & { documentation: string },
) => ({
  name: row.name,
  summary: row.summary,
  documentation: row.documentation,
  categoryId: row.category_id,
  tags: JSON.parse(row.tags_json) as string[],
  status: row.status,
  version: Number(row.current_version),
});
