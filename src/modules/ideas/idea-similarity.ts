import type { IdeasRepository } from './ideas.repository.ts';
import { SimilarityIndex } from './similarity.domain.ts';

/** Ideas that no longer compete for "is this already proposed?". */
const HIDDEN_IDEAS = new Set(['duplicate', 'archived', 'cancelled', 'rejected']);

/**
 * The similar-ideas lookup: two in-memory TF-IDF indexes (ideas, workflows) built from the
 * database on first use and kept current by reading the rows changed since a watermark
 * (`updated_at >= last seen`, an indexed range) before each lookup. That catch-up is one small
 * query, so several server processes on PostgreSQL each stay current with the others' writes.
 * 10,000 ideas take a few MB of postings; a lookup walks only the postings of its own terms.
 */
export function createIdeaSimilarity(repo: IdeasRepository) {
  const ideas = new SimilarityIndex();
  const workflows = new SimilarityIndex();
  let ideasSeen = '';
  let workflowsSeen = '';
  let syncing: Promise<void> | null = null;

  async function catchUp(): Promise<void> {
    const [changedIdeas, changedWorkflows] = await Promise.all([
      repo.changedSince(ideasSeen === '' ? '' : ideasSeen),
      repo.workflowsChangedSince(workflowsSeen === '' ? '' : workflowsSeen),
    ]);
    for (const r of changedIdeas) {
      if (HIDDEN_IDEAS.has(r.status)) ideas.remove(r.id);
      else ideas.upsert(r.id, `${r.name}\n${r.description}`);
      if (r.updated_at > ideasSeen) ideasSeen = r.updated_at;
    }
    for (const r of changedWorkflows) {
      if (r.status === 'archived') workflows.remove(r.id);
      else workflows.upsert(r.id, `${r.name}\n${r.description}`);
      if (r.updated_at > workflowsSeen) workflowsSeen = r.updated_at;
    }
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
