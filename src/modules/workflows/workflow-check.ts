import { type DefinitionIssue, validateWorkflow } from '../../engine/definition/validate-workflow.domain.ts';
import type { WorkflowDefinition } from '../../engine/definition/workflow-definition.schemas.ts';
import type { ExpressionEngine } from '../../engine/expressions/expressions.ts';
import { compileGraph, loopBodyIssues } from '../../engine/runtime/graph.domain.ts';
import { hasTemplate } from '../../engine/runtime/templates.ts';
import type { StepRegistry } from '../../engine/steps/step-type.ts';
import { AppError } from '../../platform/errors.ts';

export interface CheckIssue {
  path: string;
  nodeId: string | null;
  code: DefinitionIssue['code'] | 'LOOP_BODY_EDGE' | 'CONFIG_INVALID' | 'EXPRESSION_INVALID';
  message: string;
}

const TEMPLATE = /\{\{([\s\S]+?)\}\}/g;

/**
 * Everything the editor and the API check before a definition is saved: its shape and graph
 * (validateWorkflow), loop bodies, each node's settings against its step type (where they hold
 * no templates), and the syntax of every expression — each problem with its path and node.
 */
export function checkDefinition(
  input: unknown,
  registry: StepRegistry,
  expressions: ExpressionEngine,
): { definition: WorkflowDefinition | null; issues: CheckIssue[] } {
  const result = validateWorkflow(input, { isKnownType: (t) => registry.has(t) });
  if (!result.ok) return { definition: null, issues: result.issues };
  const def = result.definition;
  const issues: CheckIssue[] = loopBodyIssues(compileGraph(def)).map((i) => ({ ...i, code: 'LOOP_BODY_EDGE' as const }));
  const checkExpression = (source: string, path: string, nodeId: string | null) => {
    const problem = expressions.check(source);
    if (problem) issues.push({ path, nodeId, code: 'EXPRESSION_INVALID', message: problem.message });
  };
  const checkTemplates = (value: unknown, path: string, nodeId: string): void => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(TEMPLATE)) checkExpression((m[1] ?? '').trim(), path, nodeId);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        checkTemplates(v, `${path}.${i}`, nodeId);
      });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) checkTemplates(v, `${path}.${k}`, nodeId);
    }
  };
  def.nodes.forEach((node, i) => {
    const type = registry.get(node.type);
    if (!type) return;
    const raw = type.rawFields ?? [];
    for (const [key, value] of Object.entries(node.config)) {
      const path = `nodes.${i}.config.${key}`;
      if (raw.includes(key)) {
        if (typeof value === 'string' && type.category !== 'code') checkExpression(value, path, node.id);
      } else checkTemplates(value, path, node.id);
    }
    if (!hasTemplate(node.config)) {
      const parsed = type.config.safeParse(node.config);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          issues.push({
            path: [`nodes.${i}.config`, ...issue.path].join('.'),
            nodeId: node.id,
            code: 'CONFIG_INVALID',
            message: issue.message,
          });
        }
      }
    }
  });
  def.edges.forEach((edge, i) => {
    if (edge.condition) checkExpression(edge.condition, `edges.${i}.condition`, edge.from);
  });
  if (def.settings.concurrencyKey) checkExpression(def.settings.concurrencyKey, 'settings.concurrencyKey', null);
  return { definition: issues.length === 0 ? def : null, issues };
}

/** The definition, or WORKFLOW_INVALID (400) listing every problem. */
export function requireValidDefinition(input: unknown, registry: StepRegistry, expressions: ExpressionEngine): WorkflowDefinition {
  const { definition, issues } = checkDefinition(input, registry, expressions);
  if (definition) return definition;
  const first = issues[0];
  throw new AppError('WORKFLOW_INVALID', {
    status: 400,
    userMessage: `The workflow has ${issues.length} problem${issues.length === 1 ? '' : 's'}${first ? `; first: ${first.nodeId ? `node "${first.nodeId}", ` : ''}${first.path}: ${first.message}` : ''}.`,
    details: { issues },
  });
}
