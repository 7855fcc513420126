/** The shapes of `GET /api/v1/ideas/:id/reviews` (docs/ideas.md, “Building an idea”). */
export interface ReviewRound {
  id: string;
  kind: 'business' | 'technical';
  round: number;
  status: string;
  submittedBy: string;
  submitNote: string;
  submittedAt: string;
  decidedBy: string | null;
  decisionNote: string;
  decidedAt: string | null;
  dataClass: string | null;
}

export interface ChecklistItem {
  item: 'error_handling' | 'credentials' | 'data_class' | 'owner' | 'test_runs';
  auto: { pass: boolean | null; why: string[] };
  decision: { decision: 'confirmed' | 'waived'; reason: string; by: string; at: string } | null;
  state: 'waived' | 'passed' | 'to_confirm' | 'failing';
}

export interface IdeaReviews {
  ideaId: string;
  phase: string;
  status: string;
  builderId: string | null;
  minTestRuns: number;
  workflows: { id: string; name: string; status: string; publishedVersion: number | null; succeededRuns: number }[];
  business: ReviewRound | null;
  technical: ReviewRound | null;
  checklist: ChecklistItem[];
  history: ReviewRound[];
  goLive: { ok: boolean; business: string; technical: string };
  can: {
    claim: boolean;
    createWorkflow: boolean;
    submitBusiness: boolean;
    submitTechnical: boolean;
    decideBusiness: boolean;
    decideTechnical: boolean;
  };
}

export const ITEM_LABELS: Record<ChecklistItem['item'], string> = {
  error_handling: 'Error handling',
  credentials: 'Credentials',
  data_class: 'Data class',
  owner: 'Owner',
  test_runs: 'Test runs',
};

export const DATA_CLASSES = ['public', 'internal', 'confidential', 'restricted'] as const;
