import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';

export const definitionSchema = z.record(z.string(), z.unknown()).describe('The workflow definition (see docs/workflow-definition.md)');

export const idParam = z.object({ id: z.string().min(1).max(64).describe('Workflow id') });
export const versionParams = z.object({
  id: z.string().min(1).max(64).describe('Workflow id'),
  version: z.coerce.number().int().min(1).describe('Version number'),
});

export const listWorkflowsQuery = z.object({
  q: z.string().max(200).optional().describe('Search in names'),
  status: z.enum(['draft', 'active', 'archived']).optional().describe('Only this status'),
  teamId: z.string().min(1).max(64).optional().describe("Only this team's workflows"),
  ...pageQuery,
});

export const createWorkflowBody = z.object({
  name: z.string().trim().min(1).max(120).describe('Name shown in lists'),
  description: z.string().max(5000).default('').describe('What it automates'),
  teamId: z
    .string()
    .min(1)
    .max(64)
    .nullable()
    .optional()
    .describe('The team that owns it (null: none); its managers and team roles see its tasks'),
  definition: definitionSchema.optional().describe('Initial draft; a manual trigger when omitted'),
});

export const updateWorkflowBody = z.object({
  name: z.string().trim().min(1).max(120).optional().describe('New name'),
  description: z.string().max(5000).optional().describe('New description'),
  teamId: z
    .string()
    .min(1)
    .max(64)
    .nullable()
    .optional()
    .describe('The team that owns it (null: none); its managers and team roles see its tasks'),
  definition: definitionSchema.optional().describe('New draft'),
});

export const validateBody = z.object({ definition: z.unknown().describe('A definition to check') });

export const issueSchema = z.object({
  path: z.string().describe('Dotted path into the definition'),
  nodeId: z.string().nullable().describe('The node concerned'),
  code: z.string().describe('Problem code'),
  message: z.string().describe('What is wrong'),
});

export const validationResultSchema = z.object({
  ok: z.boolean().describe('Whether the definition can be saved and published'),
  issues: z.array(issueSchema).describe('Every problem found'),
});

export const lastRunSchema = z.object({ id: z.string(), status: z.string(), createdAt: z.string() }).nullable();

export const workflowSummarySchema = z.object({
  id: z.string().describe('Workflow id'),
  name: z.string().describe('Name'),
  description: z.string().describe('Description'),
  status: z.string().describe('draft, active or archived'),
  teamId: z.string().nullable().describe('The owning team'),
  publishedVersion: z.number().nullable().describe('Number of the live version'),
  webhookPath: z.string().nullable().describe('Webhook path of the live version'),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastRun: lastRunSchema.describe('The most recent run'),
});

export const workflowDetailSchema = workflowSummarySchema.extend({
  definition: definitionSchema.describe('The draft'),
  publishedVersionId: z.string().nullable().describe('Id of the live version'),
  webhookUrl: z.string().nullable().describe('Full webhook URL of the live version'),
});

export const publishBody = z.object({ note: z.string().max(2000).default('').describe('What changed') });

export const versionSchema = z.object({
  id: z.string(),
  version: z.number().describe('Version number'),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe('Who published it'),
});

export const versionDetailSchema = versionSchema.extend({ definition: definitionSchema });

export const diffQuery = z.object({
  from: z.coerce.number().int().min(1).describe('Older version'),
  to: z
    .union([z.literal('draft'), z.coerce.number().int().min(1)])
    .default('draft')
    .describe('Newer version, or "draft"'),
});

const changeSchema = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
export const diffSchema = z.object({
  nodes: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.object({ id: z.string(), fields: z.array(changeSchema) })),
  }),
  edges: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  settings: z.array(changeSchema),
});

export const testStepBody = z.object({
  nodeId: z.string().min(1).max(63).describe('The node to run'),
  input: z.unknown().optional().describe('Sample input'),
});

export const startRunBody = z.object({
  input: z.unknown().optional().describe('The run input (the manual trigger’s output)'),
  draft: z.boolean().default(false).describe('Run the current draft instead of the published version'),
});

export const exportFileSchema = z.object({
  format: z.literal('symbiont.workflow').describe('File format marker'),
  version: z.literal(1).describe('File format version'),
  name: z.string().trim().min(1).max(120),
  description: z.string().max(5000).default(''),
  definition: definitionSchema,
});

export const stepTypeSchema = z.object({
  type: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  configSchema: z.record(z.string(), z.unknown()).describe('JSON Schema of the node config'),
  rawFields: z.array(z.string()).describe('Config fields holding expressions or code'),
});

export type WorkflowSummary = z.infer<typeof workflowSummarySchema>;
export type WorkflowDetail = z.infer<typeof workflowDetailSchema>;
