import type { StepRegistry } from '../../engine/steps/step-type.ts';
import type { Db } from '../../platform/db/database.ts';
import type { WorkflowFacts } from './idea-reviews.domain.ts';
import { createIdeaReviewsRepository } from './idea-reviews.repository.ts';

interface StoredNode {
  id?: unknown;
  name?: unknown;
  type?: unknown;
  retry?: { maxAttempts?: number };
  onFailure?: 'fail' | 'task';
  config?: { credentialId?: unknown };
}
interface StoredDefinition {
  nodes?: StoredNode[];
  edges?: { from: string; kind?: string }[];
}

/**
 * What the automatic checks judge, per workflow linked to the idea: the published version's steps
 * (the draft's when nothing is published), the credentials they name, the owner and team, and the
 * succeeded runs of the published version — all read from the engine's own tables.
 */
export async function reviewFacts(db: Db, registry: StepRegistry, ideaId: string) {
  const repo = createIdeaReviewsRepository(db);
  const rows = await repo.linkedWorkflows(ideaId);
  const definitions = rows.map((r) => JSON.parse(r.published_json ?? r.draft_json) as StoredDefinition);
  const credentialIds = new Set<string>();
  for (const d of definitions)
    for (const n of d.nodes ?? [])
      if (typeof n.config?.credentialId === 'string' && n.config.credentialId) credentialIds.add(n.config.credentialId);
  const credentials = Object.fromEntries((await repo.credentials([...credentialIds])).map((c) => [c.id, { type: c.type }]));
  const runs = await repo.succeededRuns(rows.flatMap((r) => (r.published_version_id ? [r.published_version_id] : [])));
  const workflows: (WorkflowFacts & { status: string })[] = rows.map((r, i) => {
    const def = definitions[i] ?? {};
    return {
      id: r.id,
      name: r.name,
      status: r.status,
      nodes: (def.nodes ?? []).map((n) => {
        const type = String(n.type ?? '');
        const credentialId = typeof n.config?.credentialId === 'string' && n.config.credentialId ? n.config.credentialId : undefined;
        return {
          id: String(n.id ?? ''),
          name: String(n.name ?? n.id ?? ''),
          type,
          retry: n.retry,
          onFailure: n.onFailure,
          credentialId,
          credentialType: registry.get(type)?.credentialType,
        };
      }),
      edges: def.edges ?? [],
      credentials,
      teamId: r.team_id,
      owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '', active: Number(r.owner_active) === 1 } : null,
      publishedVersion: r.published_version === null ? null : Number(r.published_version),
      succeededRuns: r.published_version_id ? (runs.get(r.published_version_id) ?? 0) : 0,
    };
  });
  return { workflows };
}
