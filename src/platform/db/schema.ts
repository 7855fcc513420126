import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Conventions that hold on both dialects:
 * - ids are UUIDv7 text; times are ISO-8601 UTC text (`2026-11-22T12:00:00.000Z`), which sorts;
 * - booleans are integers 0/1; JSON is text.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  is_active: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TeamsTable {
  id: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  is_manager: number;
  created_at: string;
}

export interface RoleAssignmentsTable {
  id: string;
  user_id: string;
  role: string;
  scope_type: string;
  /** '' for global assignments, so a unique index covers (user, role, scope). */
  scope_id: string;
  created_at: string;
  created_by: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  occurred_at: string;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  object_type: string;
  object_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  ip: string | null;
}

export interface SchemaInfoTable {
  key: string;
  value: string;
  seq: Generated<number>;
}

export interface WorkflowsTable {
  id: string;
  name: string;
  description: string;
  /** draft | active | archived */
  status: string;
  draft_json: string;
  published_version_id: string | null;
  webhook_path: string | null;
  team_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkflowVersionsTable {
  id: string;
  workflow_id: string;
  version: number;
  /** published | test */
  kind: string;
  definition_json: string;
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface RunsTable {
  id: string;
  workflow_id: string;
  version_id: string;
  /** queued | running | waiting | succeeded | failed | cancelled */
  status: string;
  trigger_type: string;
  trigger_key: string | null;
  concurrency_key: string | null;
  parent_run_id: string | null;
  parent_step_id: string | null;
  started_by: string | null;
  next_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  cancel_requested: number;
  active_ms: number;
  wait_ms: number;
  error_json: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

export interface RunStepsTable {
  id: string;
  run_id: string;
  node_id: string;
  item_key: string;
  seq: number;
  /** running | succeeded | failed | waiting | retrying | skipped | cancelled */
  status: string;
  attempt: number;
  idempotency_key: string;
  input_json: string | null;
  output_json: string | null;
  output_blob_id: string | null;
  error_json: string | null;
  state_json: string | null;
  next_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  active_ms: number;
  wait_ms: number;
}

export interface RunBlobsTable {
  id: string;
  run_id: string;
  data: string;
  bytes: number;
}

export interface TriggerStateTable {
  workflow_id: string;
  node_id: string;
  version_id: string;
  state_json: string | null;
  next_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  updated_at: string;
}

/** Connector credentials; the values are sealed with the secret box (context = id). */
export interface CredentialsTable {
  id: string;
  name: string;
  /** A credential type key from the connector registry, e.g. `smtp`. */
  type: string;
  data_sealed: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A credential's rate limit (see the credential-limits migration). */
export interface CredentialLimitsTable {
  credential_id: string;
  requests: number;
  /** second | minute | hour */
  per: string;
  max_concurrent: number | null;
  /** Where the last deferred step was told to come back (ISO); null when nobody waited yet. */
  queue_tail: string | null;
  updated_at: string;
}

/** One request a window allows (`rate`) or one call in flight (`concurrency`) of a credential. */
export interface CredentialLimitSlotsTable {
  credential_id: string;
  /** rate | concurrency */
  kind: string;
  slot: number;
  /** The slot may be taken once this time has passed; while held, the hold's expiry. */
  free_at: string;
  holder: string | null;
}

/** A signal that resumed a waiting step; (run_id, signal_id) makes repeats harmless. */
export interface RunSignalsTable {
  run_id: string;
  signal_id: string;
  step_id: string;
  node_id: string;
  item_key: string;
  payload_json: string;
  received_at: string;
}

/** A task for a person: an approval, a form, a to-do or an exception to resolve. */
export interface TasksTable {
  id: string;
  /** approval | form | task | exception */
  kind: string;
  /** open | claimed | done | expired | cancelled */
  status: string;
  title: string;
  description: string;
  workflow_id: string | null;
  run_id: string | null;
  node_id: string | null;
  item_key: string;
  source_key: string | null;
  team_id: string | null;
  /** any | all | n_of_m */
  policy: string;
  required_count: number;
  eligible_count: number;
  /** JSON list of the user ids who may decide (the required ones for `all`). */
  eligible_json: string | null;
  bar_initiator: number;
  initiator_id: string | null;
  form_json: string | null;
  context_json: string | null;
  outcome: string | null;
  result_json: string | null;
  claimed_by: string | null;
  claimed_at: string | null;
  due_at: string | null;
  expires_at: string | null;
  on_timeout: string | null;
  escalate_json: string | null;
  escalated_at: string | null;
  next_check_at: string | null;
  signal_pending: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
  /** Reminders to those who have not decided: every this many ms while open (null: none). */
  remind_every_ms: number | null;
  remind_max: number;
  reminders_sent: number;
  next_remind_at: string | null;
}

/** Who may see and work a task: `u:<user>`, `t:<team>`, `m:<team>` (managers), `r:<role>[@<team>]`. */
export interface TaskAssigneesTable {
  task_id: string;
  principal: string;
  /** assigned | escalated | reassigned | claimed */
  reason: string;
  open: number;
  kind: string;
  sort_at: string;
}

export interface TaskDecisionsTable {
  id: string;
  task_id: string;
  decider_id: string;
  actor_id: string | null;
  actor_label: string;
  decision: string;
  comment: string;
  data_json: string | null;
  decided_at: string;
  /** Minutes the person said the decision took (optional). */
  minutes_spent: number | null;
}

/** Out of office: `delegate_id` works `user_id`'s tasks between the two times. */
export interface TaskDelegationsTable {
  id: string;
  user_id: string;
  delegate_id: string;
  starts_at: string;
  ends_at: string;
  note: string;
  created_by: string | null;
  created_at: string;
  cancelled_at: string | null;
}

/** The notification outbox: written in the transaction that causes it, delivered after. */
export interface NotificationsTable {
  id: string;
  channel: string;
  kind: string;
  recipient: string;
  user_id: string | null;
  subject: string;
  body: string;
  task_id: string | null;
  run_id: string | null;
  credential_id: string | null;
  dedupe_key: string;
  /** pending | sent | failed */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** HTML alternative of an e-mail's body. */
  html: string | null;
}

/** One-click links of task e-mails: only the SHA-256 of the token is kept. */
export interface TaskLinksTable {
  id: string;
  task_id: string;
  user_id: string;
  /** approve | reject | open */
  action: string;
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** A workflow's public form link; the token is stored hashed (lookup) and sealed (context = id). */
export interface FormLinksTable {
  id: string;
  workflow_id: string;
  token_hash: string;
  token_sealed: string;
  enabled: number;
  submissions: number;
  spam_blocked: number;
  last_submission_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  rotated_at: string | null;
}

/** An uploaded file's metadata; its content is in `file_chunks`. */
export interface FilesTable {
  id: string;
  name: string;
  content_type: string;
  size: number;
  /** uploading | ready */
  status: string;
  field_key: string;
  form_id: string | null;
  task_id: string | null;
  run_id: string | null;
  uploaded_by: string | null;
  created_at: string;
  attached_at: string | null;
}

export interface FileChunksTable {
  file_id: string;
  seq: number;
  data: Uint8Array;
}

export interface Database {
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  credentials: CredentialsTable;
  credential_limits: CredentialLimitsTable;
  credential_limit_slots: CredentialLimitSlotsTable;
  workflows: WorkflowsTable;
  workflow_versions: WorkflowVersionsTable;
  runs: RunsTable;
  run_steps: RunStepsTable;
  run_blobs: RunBlobsTable;
  trigger_state: TriggerStateTable;
  run_signals: RunSignalsTable;
  tasks: TasksTable;
  task_assignees: TaskAssigneesTable;
  task_decisions: TaskDecisionsTable;
  task_delegations: TaskDelegationsTable;
  notifications: NotificationsTable;
  task_links: TaskLinksTable;
  form_links: FormLinksTable;
  files: FilesTable;
  file_chunks: FileChunksTable;
  event_logs: EventLogsTable;
  event_log_columns: EventLogColumnsTable;
  idea_categories: IdeaCategoriesTable;
  idea_score_weights: IdeaScoreWeightsTable;
  ideas: IdeasTable;
  idea_votes: IdeaVotesTable;
  idea_followers: IdeaVotesTable;
  idea_supporters: IdeaSupportersTable;
  idea_comments: IdeaCommentsTable;
  idea_transitions: IdeaTransitionsTable;
  idea_transition_rules: IdeaTransitionRulesTable;
  idea_workflows: IdeaWorkflowsTable;
  assessment_questionnaires: AssessmentQuestionnairesTable;
  idea_assessments: IdeaAssessmentsTable;
  user_notifications: UserNotificationsTable;
  idea_value_settings: IdeaValueSettingsTable;
  idea_minutes_answers: IdeaMinutesAnswersTable;
  templates: TemplatesTable;
  template_versions: TemplateVersionsTable;
  template_uses: TemplateUsesTable;
  template_reviews: TemplateReviewsTable;
  idea_reviews: IdeaReviewsTable;
}

export interface EventLogsTable {
  id: string;
  name: string;
  format: string;
  source_file: string;
  num_events: number;
  num_cases: number;
  num_activities: number;
  num_variants: number;
  skipped_events: number;
  first_event_at: string;
  last_event_at: string;
  import_json: string;
  created_by: string | null;
  created_at: string;
}

export interface EventLogColumnsTable {
  event_log_id: string;
  name: string;
  data: Uint8Array;
}

export interface IdeaCategoriesTable {
  id: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface IdeasTable {
  id: string;
  name: string;
  description: string;
  /** lower(name + ' ' + description), for the table's text filter. */
  search_text: string;
  category_id: string;
  team_id: string | null;
  submitter_id: string | null;
  pain_points: string;
  applications_json: string;
  /** day | week | month */
  frequency_period: string;
  frequency_count: number;
  minutes_per_case: number;
  q_rules: number;
  q_digital: number;
  q_structured: number;
  q_change: number;
  q_documentation: number;
  /** The idea score × 10 (0–1000). */
  score_x10: number;
  feasible: number;
  phase: string;
  status: string;
  builder_id: string | null;
  votes_count: number;
  followers_count: number;
  comments_count: number;
  supporters_count: number;
  created_at: string;
  updated_at: string;
}

/** idea_votes and idea_followers. */
export interface IdeaVotesTable {
  idea_id: string;
  user_id: string;
  created_at: string;
}

export interface IdeaSupportersTable {
  idea_id: string;
  user_id: string;
  team_id: string | null;
  frequency_period: string | null;
  frequency_count: number | null;
  minutes_per_case: number | null;
  note: string;
  created_at: string;
}

export interface IdeaCommentsTable {
  id: string;
  idea_id: string;
  author_id: string | null;
  author_label: string;
  body: string;
  mentions_json: string;
  created_at: string;
}

export interface IdeaTransitionsTable {
  id: string;
  idea_id: string;
  action: string;
  from_phase: string | null;
  from_status: string | null;
  to_phase: string;
  to_status: string;
  reason: string;
  actor_id: string | null;
  actor_label: string;
  created_at: string;
}

export interface IdeaTransitionRulesTable {
  category_id: string;
  action: string;
  /** Comma-separated role keys. */
  roles: string;
  updated_at: string;
}

export interface IdeaWorkflowsTable {
  idea_id: string;
  workflow_id: string;
  linked_by: string | null;
  created_at: string;
}

/** In-app notifications for a person (the e-mail outbox is `notifications`). */
export interface UserNotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  object_type: string | null;
  object_id: string | null;
  actor_label: string | null;
  read_at: string | null;
  created_at: string;
}

/** Weight of each quick-screen factor in the idea score (rules, digital, structured, change, documentation). */
export interface IdeaScoreWeightsTable {
  factor: string;
  weight: number;
  updated_at: string;
}

/** Versioned assessment questionnaires; `category_id` null is the default one. */
export interface AssessmentQuestionnairesTable {
  id: string;
  category_id: string | null;
  version: number;
  definition_json: string;
  created_by: string | null;
  created_at: string;
}

/** The current detailed assessment of an idea, with the figures other modules read. */
export interface IdeaAssessmentsTable {
  idea_id: string;
  questionnaire_id: string | null;
  answers_json: string;
  input_json: string;
  result_json: string;
  questionnaire_score: number | null;
  ease: number;
  /** easy | medium | hard */
  ease_bucket: string;
  /** PERT expected net yearly value. */
  net_value_per_year: number;
  hours_saved_per_year: number;
  /** viable | uncertain | not-viable */
  verdict: string;
  minutes_saved_per_run: number;
  hourly_cost: number;
  revision: number;
  assessed_by: string | null;
  created_at: string;
  updated_at: string;
}

/** How an idea's measured value is computed, when someone adjusted it (absent: the defaults). */
export interface IdeaValueSettingsTable {
  idea_id: string;
  /** process | personal */
  kind: string;
  minutes_saved_per_run: number | null;
  hourly_cost: number | null;
  prompt_every_days: number;
  last_prompted_at: string | null;
  updated_by: string | null;
  updated_at: string;
}

/** Answers to the periodic "minutes saved per week?" prompt of personal automations. */
export interface IdeaMinutesAnswersTable {
  id: string;
  idea_id: string;
  user_id: string;
  minutes_per_week: number;
  answered_at: string;
}

/** A workflow published for reuse (counters kept with the rows they count). */
export interface TemplatesTable {
  id: string;
  name: string;
  summary: string;
  /** Markdown. */
  documentation: string;
  category_id: string | null;
  /** JSON array of lower-case tags. */
  tags_json: string;
  author_id: string;
  source_workflow_id: string | null;
  source_idea_id: string | null;
  /** active | archived */
  status: string;
  current_version: number;
  use_count: number;
  rating_sum: number;
  rating_count: number;
  created_at: string;
  updated_at: string;
}

/** One published version of a template: a stripped workflow definition and what it needs. */
export interface TemplateVersionsTable {
  id: string;
  template_id: string;
  version: number;
  definition_json: string;
  /** JSON array of TemplateNeed. */
  needs_json: string;
  workflow_version: number | null;
  note: string;
  created_by: string | null;
  created_at: string;
}

/** A workflow created from a template, credited to the template's author. */
export interface TemplateUsesTable {
  id: string;
  template_id: string;
  version: number;
  workflow_id: string | null;
  user_id: string;
  author_id: string;
  created_at: string;
}

/** One rating (1–5) and optional review per person per template. */
export interface TemplateReviewsTable {
  template_id: string;
  user_id: string;
  stars: number;
  text: string;
  created_at: string;
  updated_at: string;
}

/** One round of an idea's business or technical review (see the idea-reviews migration). */
export interface IdeaReviewsTable {
  id: string;
  idea_id: string;
  /** business | technical */
  kind: string;
  round: number;
  /** pending | approved | changes_requested */
  status: string;
  submitted_by: string | null;
  submitted_by_label: string;
  submit_note: string;
  submitted_at: string;
  decided_by: string | null;
  decided_by_label: string | null;
  decision_note: string;
  decided_at: string | null;
  data_class: string | null;
  checks_json: string;
  auto_json: string | null;
}
