export interface TemplateNeed {
  kind: 'credential' | 'secret' | 'setting';
  nodeId: string;
  nodeName: string;
  credentialType: string | null;
  path: string | null;
  message: string;
}

export interface TemplateSummary {
  id: string;
  name: string;
  summary: string;
  category: { id: string; name: string } | null;
  tags: string[];
  author: { id: string; name: string } | null;
  status: 'active' | 'archived';
  version: number;
  uses: number;
  rating: number | null;
  ratingCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface TemplateReview {
  user: { id: string; name: string } | null;
  stars: number;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface TemplateDetail extends TemplateSummary {
  documentation: string;
  sourceWorkflowId: string | null;
  sourceIdea: { id: string; name: string } | null;
  definition: { nodes?: { id: string; name: string; type: string }[]; edges?: { from: string; to: string; kind?: string }[] };
  needs: TemplateNeed[];
  versions: { version: number; note: string; workflowVersion: number | null; createdAt: string; createdBy: string | null }[];
  reviews: TemplateReview[];
  myReview: TemplateReview | null;
  canEdit: boolean;
}

export const SORTS = [
  { value: 'newest', label: 'Newest' },
  { value: 'uses', label: 'Most used' },
  { value: 'rating', label: 'Best rated' },
];
