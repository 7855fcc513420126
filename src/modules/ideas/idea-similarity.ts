import type { IdeasRepository } from './ideas.repository.ts';
import { SimilarityIndex } from './similarity.domain.ts';

/** Ideas that no longer compete for "is this already proposed?". */
const HIDDEN_IDEAS = new Set(['duplicate', 'archived', 'cancelled', 'rejected']);

type Changed = { id: string; name: string; description: string; status: string };

/** Applies changed rows to an index; many at once (the first load) are normed once. */
function apply(index: SimilarityIndex, rows: Changed[], hidden: (r: Changed) => boolean): void {
  const shown = rows.filter((r) => !hidden(r));
  for (const r of rows) if (hidden(r)) index.remove(r.id);
  const docs = shown.map((r) => ({ id: r.id, text: `${r.name}\n${r.description}` }));
  if (docs.length > 50) index.upsertMany(docs);
  else for (const d of docs) index.upsert(d.id, d.text);
}

/**
 * The similar-ideas lookup: two in-memory TF-IDF indexes (ideas, workflows) built from the
 * database on first use and kept current by reading the rows changed since a watermark
 * (`(updated_at, id) > last seen`, a range of an index) before each lookup. That catch-up is one
 * small query, so several server processes on PostgreSQL each stay current with the others'
 * writes (a write committed late with an older timestamp than the watermark is picked up at the
 * next restart: the index is only a suggestion list).
 * 10,000 ideas take a few MB of postings; a lookup walks only the postings of its own terms.
 */
export function createIdeaSimilarity(repo: IdeasRepository) {
  const ideas = new SimilarityIndex();
  const workflows = new SimilarityIndex();
  let ideasSeen = { at: '', id: '' };
  let workflowsSeen = { at: '', id: '' };
  let syncing: Promise<void> | null = null;

  async function catchUp(): Promise<void> {
    const [changedIdeas, changedWorkflows] = await Promise.all([repo.changedSince(ideasSeen), repo.workflowsChangedSince(workflowsSeen)]);
    apply(ideas, changedIdeas, (r) => HIDDEN_IDEAS.has(r.status));
    apply(workflows, changedWorkflows, (r) => r.status === 'archived');
    const lastIdea = changedIdeas.at(-1);
    if (lastIdea) ideasSeen = { at: lastIdea.updated_at, id: lastIdea.id };
    const lastWorkflow = changedWorkflows.at(-1);
    if (lastWorkflow) workflowsSeen = { at: lastWorkflow.updated_at, id: lastWorkflow.id };
  }

  return {
    /** Brings the indexes up to date (one query per index; concurrent callers share it). */
    async sync(): Promise<void> {
      syncing ??= catchUp().finally(() => {
        syncing = null;
      });
      await syncing;
    },
    /** Updates the index at once after this process's own write (the watermark catches the rest). */
    touchIdea(id: string, text: string, status: string): void {
      if (HIDDEN_IDEAS.has(status)) ideas.remove(id);
      else ideas.upsert(id, text);
    },
    search(text: string, limit: number, excludeIdeaId?: string) {
      return {
        ideas: ideas.search(text, limit, 0.12, excludeIdeaId ? new Set([excludeIdeaId]) : undefined),
        workflows: workflows.search(text, limit, 0.12),
      };
    },
    size: () => ({ ideas: ideas.size, workflows: workflows.size }),
  };
}

export type IdeaSimilarity = ReturnType<typeof createIdeaSimilarity>;
