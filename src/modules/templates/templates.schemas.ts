import { z } from 'zod';

export const idParam = z.object({ id: z.string().min(1).max(64).describe('Template id') });
export const versionParams = idParam.extend({ version: z.coerce.number().int().min(1).describe('Template version') });

const tags = z.array(z.string().trim().min(1).max(40)).max(20).describe('Tags (stored lower-case)');
const meta = {
  name: z.string().trim().min(3, 'At least 3 characters').max(120).describe('Name shown in the gallery'),
  summary: z.string().trim().max(300).describe('One or two sentences: what it automates'),
  documentation: z.string().max(50_000).describe('How it works and how to set it up (Markdown, no HTML)'),
  categoryId: z.string().min(1).max(64).nullable().describe('An idea category (GET /api/v1/idea-categories), or null'),
  tags,
};

export const publishTemplateBody = z.object({
  workflowId: z.string().min(1).max(64).describe('The workflow to publish; its latest published version is copied'),
  name: meta.name,
  summary: meta.summary.default(''),
  documentation: meta.documentation.default(''),
  categoryId: meta.categoryId.optional(),
  tags: tags.default([]),
  note: z.string().max(2000).default('').describe('What changed in this version'),
});
export type PublishTemplateInput = z.infer<typeof publishTemplateBody>;

export const republishBody = z.object({ note: z.string().max(2000).default('').describe('What changed in this version') });

export const updateTemplateBody = z
  .object({
    name: meta.name.optional(),
    summary: meta.summary.optional(),
    documentation: meta.documentation.optional(),
    categoryId: meta.categoryId.optional(),
    tags: tags.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Change at least one field' });
export type UpdateTemplateInput = z.infer<typeof updateTemplateBody>;

export const listTemplatesQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Search in names, summaries and tags'),
  categoryId: z.string().min(1).max(64).optional().describe('Only this category'),
  tag: z.string().trim().min(1).max(40).optional().describe('Only templates with this tag'),
  authorId: z.string().min(1).max(64).optional().describe('Only templates by this author'),
  ideaId: z.string().min(1).max(64).optional().describe('Only templates built for this idea'),
  sort: z.enum(['newest', 'uses', 'rating']).default('newest').describe('newest first, most used, or best rated'),
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Also list archived templates'),
  limit: z.coerce.number().int().min(1).max(100).default(24).describe('Page size (1–100)'),
  cursor: z.string().max(200).optional().describe('The nextCursor of the previous page'),
});
export type ListTemplatesQuery = z.infer<typeof listTemplatesQuery>;

export const useTemplateBody = z.object({
  name: z.string().trim().min(1).max(120).describe('Name of the new workflow'),
  version: z.number().int().min(1).optional().describe('Template version to use (default: the current one)'),
  teamId: z.string().min(1).max(64).nullable().optional().describe('The team that owns the new workflow'),
});

export const reviewBody = z.object({
  stars: z.number().int().min(1, 'From 1 to 5 stars').max(5, 'From 1 to 5 stars').describe('1–5 stars'),
  text: z.string().trim().max(5000).default('').describe('Optional review'),
});

export const reuseQuery = z.object({
  from: z.iso.datetime().optional().describe('Uses from this instant (inclusive)'),
  to: z.iso.datetime().optional().describe('Uses before this instant'),
});

export const needSchema = z.object({
  kind: z.enum(['credential', 'secret', 'setting']).describe('What the user must supply'),
  nodeId: z.string(),
  nodeName: z.string(),
  credentialType: z.string().nullable().describe('The credential type the step needs'),
  path: z.string().nullable().describe("Path in the step's settings"),
  message: z.string().describe('e.g. "Needs a credential of type smtp"'),
});

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const templateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  category: z.object({ id: z.string(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
  author: person.describe('Who published it (credited with its uses)'),
  status: z.enum(['active', 'archived']),
  version: z.number().describe('Current version'),
  uses: z.number().describe('Workflows created from it'),
  rating: z.number().nullable().describe('Average stars (one decimal), null without ratings'),
  ratingCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const reviewSchema = z.object({
  user: person,
  stars: z.number(),
  text: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const templateDetailSchema = templateSummarySchema.extend({
  documentation: z.string().describe('Markdown'),
  sourceWorkflowId: z.string().nullable().describe('The workflow it was published from'),
  sourceIdea: z.object({ id: z.string(), name: z.string() }).nullable().describe('The idea that workflow builds'),
  definition: z.record(z.string(), z.unknown()).describe('The current version’s workflow definition (credentials and secrets stripped)'),
  needs: z.array(needSchema).describe('What a user must supply after creating a workflow from it'),
  versions: z.array(
    z.object({
      version: z.number(),
      note: z.string(),
      workflowVersion: z.number().nullable().describe('The workflow version it copies'),
      createdAt: z.string(),
      createdBy: z.string().nullable(),
    }),
  ),
  reviews: z.array(reviewSchema),
  myReview: reviewSchema.nullable().describe("The caller's own review"),
  canEdit: z.boolean().describe('Whether the caller may edit, re-publish or archive it'),
});

export const useResultSchema = z.object({
  workflowId: z.string().describe('The new draft workflow'),
  templateId: z.string(),
  version: z.number(),
  needs: z.array(needSchema),
});

export const reuseByAuthorSchema = z.object({
  items: z.array(
    z.object({
      author: person,
      uses: z.number().describe('Workflows created from their templates'),
      templates: z.number().describe('How many of their templates were used'),
    }),
  ),
});

export type TemplateSummary = z.infer<typeof templateSummarySchema>;
export type TemplateDetail = z.infer<typeof templateDetailSchema>;
export type TemplateNeedView = z.infer<typeof needSchema>;
