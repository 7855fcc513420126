/**
 * The one error type of Symbiont. Match on `code`, never on `instanceof`: errors cross worker
 * and sandbox boundaries. Codes are stable and listed in docs/errors.md.
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'SESSION_EXPIRED'
  | 'TOKEN_INVALID'
  | 'CSRF_TOKEN_INVALID'
  | 'FORBIDDEN'
  | 'INSUFFICIENT_SCOPE'
  | 'NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'EMAIL_TAKEN'
  | 'TEAM_NAME_TAKEN'
  | 'ROLE_ALREADY_ASSIGNED'
  | 'LAST_ADMIN'
  | 'SETUP_ALREADY_DONE'
  | 'SETUP_REQUIRED'
  | 'RATE_LIMITED'
  | 'AUDIT_LOG_IMMUTABLE'
  | 'CONFIG_INVALID'
  | 'DATABASE_UNAVAILABLE'
  | 'MIGRATION_FAILED'
  | 'NOT_SUPPORTED'
  | 'CODE_FAILED'
  | 'CODE_TIMEOUT'
  | 'CODE_MEMORY'
  | 'CODE_OUTPUT_TOO_LARGE'
  | 'CODE_NEVER_FINISHED'
  | 'EXPRESSION_INVALID'
  | 'EXPRESSION_LIMIT'
  | 'EXPRESSION_FAILED'
  | 'HTTP_DESTINATION_BLOCKED'
  | 'HTTP_TIMEOUT'
  | 'HTTP_RESPONSE_TOO_LARGE'
  | 'HTTP_REQUEST_FAILED'
  | 'STEP_INPUT_INVALID'
  | 'STEP_OUTPUT_INVALID'
  | 'CONNECTOR_HTTP_STATUS'
  | 'CONNECTOR_AUTH_FAILED'
  | 'CONNECTOR_UNREACHABLE'
  | 'CONNECTOR_FAILED'
  | 'CREDENTIAL_REQUIRED'
  | 'CREDENTIAL_INVALID'
  | 'CREDENTIAL_TYPE_UNKNOWN'
  | 'CREDENTIAL_TYPE_MISMATCH'
  | 'CREDENTIAL_UNREADABLE'
  | 'CREDENTIAL_NAME_TAKEN'
  | 'FILE_PATH_REFUSED'
  | 'FILE_NOT_FOUND'
  | 'FILE_EXISTS'
  | 'CSV_INVALID'
  | 'SPREADSHEET_INVALID'
  | 'SQL_FAILED'
  | 'SQL_READ_ONLY'
  | 'DATE_INVALID'
  | 'WORKFLOW_INVALID'
  | 'WORKFLOW_NOT_PUBLISHED'
  | 'WEBHOOK_NOT_FOUND'
  | 'WEBHOOK_PATH_TAKEN'
  | 'TEAM_NOT_FOUND'
  | 'WEBHOOK_METHOD_NOT_ALLOWED'
  | 'WEBHOOK_SIGNATURE_INVALID'
  | 'WEBHOOK_TIMEOUT'
  | 'RUN_FINISHED'
  | 'RUN_NOT_RETRYABLE'
  | 'STEP_TIMEOUT'
  | 'STEP_STOPPED'
  | 'SUBWORKFLOW_FAILED'
  | 'SHUTTING_DOWN'
  | 'STEP_NOT_WAITING'
  | 'RUN_ABORTED'
  | 'TASK_ALREADY_DECIDED'
  | 'TASK_CLOSED'
  | 'TASK_EXPIRED'
  | 'TASK_CANCELLED'
  | 'TASK_NOT_ASSIGNEE'
  | 'TASK_SELF_APPROVAL'
  | 'TASK_CLAIMED'
  | 'TASK_ACTION_INVALID'
  | 'TASK_LINK_INVALID'
  | 'TASK_LINK_USED'
  | 'TASK_LINK_EXPIRED'
  | 'FORM_INVALID'
  | 'FORM_NOT_FOUND'
  | 'FILE_TOO_LARGE'
  | 'FILE_TYPE_REFUSED'
  | 'FILE_FIELD_INVALID'
  | 'UPLOAD_INVALID'
  | 'ASSIGNEE_UNKNOWN'
  | 'DELEGATION_INVALID'
  | 'EVENT_LOG_FORMAT_UNKNOWN'
  | 'EVENT_LOG_OPTION_INVALID'
  | 'EVENT_LOG_XML_MALFORMED'
  | 'EVENT_LOG_CSV_MALFORMED'
  | 'EVENT_LOG_COLUMN_MISSING'
  | 'EVENT_LOG_TIMESTAMP_INVALID'
  | 'EVENT_LOG_GZIP_INVALID'
  | 'EVENT_LOG_EMPTY'
  | 'IDEA_TRANSITION_INVALID'
  | 'IDEA_CATEGORY_NAME_TAKEN'
  | 'IDEA_NOT_CLAIMABLE'
  | 'IDEA_ALREADY_SUPPORTED'
  | 'IDEA_WORKFLOW_LINKED'
  | 'IDEA_IMPORT_INVALID'
  | 'VALUE_NOT_PERSONAL'
  | 'TEMPLATE_WORKFLOW_NOT_PUBLISHED'
  | 'TEMPLATE_CATEGORY_UNKNOWN'
  | 'TEMPLATE_NOT_AUTHOR'
  | 'TEMPLATE_ARCHIVED'
  | 'TEMPLATE_OWN_REVIEW'
  | 'TEMPLATE_SOURCE_GONE'
  // assessments
  | 'QUESTIONNAIRE_VERSION_TAKEN'
  | 'ASSESSMENT_REVISION_CONFLICT'
  | 'IDEA_REVIEWS_PENDING'
  | 'IDEA_REVIEW_NOT_OPEN'
  | 'IDEA_REVIEW_NO_WORKFLOW'
  | 'IDEA_REVIEW_IN_PROGRESS'
  | 'IDEA_REVIEW_APPROVED'
  | 'IDEA_REVIEW_OUT_OF_ORDER'
  | 'IDEA_REVIEW_NOT_PENDING'
  | 'IDEA_REVIEW_INCOMPLETE'
  | 'IDEA_REVIEW_CHECK_FAILING'
  | 'IDEA_REVIEW_FOUR_EYES'
  | 'IDEA_NOT_BUILDER'
  | 'INTERNAL';

export interface AppErrorOptions {
  status: number;
  userMessage: string;
  details?: unknown;
  cause?: unknown;
  /** User-caused (bad input, missing rights): not logged as a system error. */
  expected?: boolean;
  /** For step failures: whether trying again may succeed (HTTP 429/5xx yes, other 4xx no). */
  retryable?: boolean;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly userMessage: string;
  readonly details: unknown;
  readonly expected: boolean;
  readonly retryable: boolean;

  constructor(code: ErrorCode, options: AppErrorOptions) {
    super(`${code}: ${options.userMessage}`, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status;
    this.userMessage = options.userMessage;
    this.details = options.details ?? null;
    this.expected = options.expected ?? options.status < 500;
    this.retryable = options.retryable ?? false;
  }
}

/** True for any error-like value carrying an AppError code (works across realms). */
export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { status?: unknown }).status === 'number' &&
    typeof (value as { userMessage?: unknown }).userMessage === 'string'
  );
}

export const notFound = (what: string, id?: string): AppError =>
  new AppError('NOT_FOUND', {
    status: 404,
    userMessage: `${what} not found.`,
    details: id === undefined ? null : { id },
  });

export const forbidden = (userMessage = 'You do not have permission to do this.', details?: unknown): AppError =>
  new AppError('FORBIDDEN', { status: 403, userMessage, details });

export const conflict = (code: ErrorCode, userMessage: string, details?: unknown): AppError =>
  new AppError(code, { status: 409, userMessage, details });

export const badRequest = (userMessage: string, details?: unknown): AppError =>
  new AppError('BAD_REQUEST', { status: 400, userMessage, details });
