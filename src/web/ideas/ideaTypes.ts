/** The shapes of the ideas API (docs/ideas.md). */
export type Screen = { rules: number; digital: number; structured: number; change: number; documentation: number };

export interface IdeaScore {
  score: number;
  suitability: number;
  readiness: number;
  feasible: boolean;
  warning: string | null;
  factors: { factor: string; label: string; answer: number; points: number; headroom: number }[];
  hints: { factor: string; gainPerStep: number; text: string }[];
}

export interface IdeaRow {
  id: string;
  name: string;
  categoryName: string;
  teamName: string | null;
  phase: string;
  status: string;
  score: number;
  feasible: boolean;
  votes: number;
  supporters: number;
  comments: number;
  createdAt: string;
}

export interface Similar {
  ideas: { id: string; name: string; phase: string; status: string; similarity: number }[];
  workflows: { id: string; name: string; status: string; similarity: number }[];
}

export interface Category {
  id: string;
  name: string;
  description: string;
}

export const PHASES = ['idea', 'assessment', 'qualification', 'analysis', 'design', 'build', 'test', 'live'] as const;

export const QUESTIONS: { key: keyof Screen; label: string; low: string; high: string }[] = [
  { key: 'rules', label: 'How rule-based is it?', low: 'judgement', high: 'fully rule-based' },
  { key: 'digital', label: 'How digital is the input?', low: 'paper', high: 'all digital' },
  { key: 'structured', label: 'How structured is the data?', low: 'free text', high: 'fixed fields' },
  { key: 'change', label: 'How much change is expected in the next 6 months?', low: 'none', high: 'major change' },
  { key: 'documentation', label: 'How well documented is it?', low: 'not at all', high: 'complete' },
];

export const label = (key: string) => key.replace(/_/g, ' ');

export interface IdeaDetail {
  id: string;
  name: string;
  description: string;
  category: { id: string; name: string };
  team: { id: string; name: string } | null;
  submitter: { id: string; name: string } | null;
  builder: { id: string; name: string } | null;
  painPoints: string;
  applications: string[];
  frequencyPeriod: string;
  frequencyCount: number;
  minutesPerCase: number;
  hoursPerMonth: number;
  score: IdeaScore;
  phase: string;
  status: string;
  votes: number;
  followers: number;
  comments: number;
  supporters: number;
  voted: boolean;
  following: boolean;
  workflows: { id: string; name: string; status: string }[];
  moves: { phase: string; status: string; action: string }[];
  createdAt: string;
}

export interface IdeaComment {
  id: string;
  author: string;
  body: string;
  createdAt: string;
}

export interface IdeaTransition {
  id: string;
  action: string;
  toPhase: string;
  toStatus: string;
  reason: string;
  actor: string;
  createdAt: string;
}
