import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { connectors } from './connectors/registry.ts';
import { closeConnectorResources } from './connectors/shutdown.ts';
import { createExpressionEngine } from './engine/expressions/expressions.ts';
import { createEngine, type Engine } from './engine/runtime/engine.ts';
import { createTriggerScheduler } from './engine/runtime/trigger-scheduler.ts';
import { createCodeSandbox } from './engine/sandbox/code-sandbox.ts';
import { builtinStepTypes } from './engine/steps/builtins.ts';
import { createStepRegistry } from './engine/steps/step-type.ts';
import { createRunStore } from './engine/store/run-store.ts';
import { createSignalStore } from './engine/store/signal-store.ts';
import { createAssessmentsRepository } from './modules/assessments/assessments.repository.ts';
import { assessmentsRoutes } from './modules/assessments/assessments.routes.ts';
import { createAssessmentsService } from './modules/assessments/assessments.service.ts';
import { createQuestionnairesService } from './modules/assessments/questionnaires.service.ts';
import { eventLogsRoutes } from './modules/audit/event-logs.routes.ts';
import { createEventLogsService } from './modules/audit/event-logs.service.ts';
import { createAuthCache } from './modules/auth/auth-cache.ts';
import { createDirectoryService } from './modules/auth/directory.service.ts';
import { rolesRoutes } from './modules/auth/roles.routes.ts';
import { createRolesService } from './modules/auth/roles.service.ts';
import { sessionRoutes } from './modules/auth/session.routes.ts';
import { createSessionsService } from './modules/auth/sessions.service.ts';
import { teamsRoutes } from './modules/auth/teams.routes.ts';
import { createTeamsService } from './modules/auth/teams.service.ts';
import { tokensRoutes } from './modules/auth/tokens.routes.ts';
import { createTokensService } from './modules/auth/tokens.service.ts';
import { usersRoutes } from './modules/auth/users.routes.ts';
import { createUsersService } from './modules/auth/users.service.ts';
import { createCredentialLimiter } from './modules/credentials/credential-limits.service.ts';
import { credentialsRoutes } from './modules/credentials/credentials.routes.ts';
import { createCredentialsService } from './modules/credentials/credentials.service.ts';
import { createFilesRepository } from './modules/forms/files.repository.ts';
import { filesRoutes } from './modules/forms/files.routes.ts';
import { createFilesService } from './modules/forms/files.service.ts';
import { formTrigger } from './modules/forms/form-trigger.ts';
import { formsRoutes } from './modules/forms/forms.routes.ts';
import { createFormsService } from './modules/forms/forms.service.ts';
import { createIdeaCategoriesService } from './modules/ideas/idea-categories.service.ts';
import { ideaCommunityRoutes } from './modules/ideas/idea-community.routes.ts';
import { createIdeaCommunityService } from './modules/ideas/idea-community.service.ts';
import { createIdeaImport } from './modules/ideas/idea-import.ts';
import { createIdeaPipelineService } from './modules/ideas/idea-pipeline.service.ts';
import { ideaReviewsRoutes } from './modules/ideas/idea-reviews.routes.ts';
import { createIdeaReviewsService } from './modules/ideas/idea-reviews.service.ts';
import { createIdeaSimilarity } from './modules/ideas/idea-similarity.ts';
import { createIdeasRepository } from './modules/ideas/ideas.repository.ts';
import { ideasRoutes } from './modules/ideas/ideas.routes.ts';
import { createIdeasService } from './modules/ideas/ideas.service.ts';
import { userNotificationsRoutes } from './modules/notifications/user-notifications.routes.ts';
import { createUserNotificationsService } from './modules/notifications/user-notifications.service.ts';
import { runsRoutes } from './modules/runs/runs.routes.ts';
import { createRunsService } from './modules/runs/runs.service.ts';
import { symbiosisRoutes } from './modules/symbiosis/symbiosis.routes.ts';
import { createSymbiosisService } from './modules/symbiosis/symbiosis.service.ts';
import { createDelegationsService } from './modules/tasks/delegations.service.ts';
import { createNotificationsService } from './modules/tasks/notifications.service.ts';
import { peopleStepTypes } from './modules/tasks/people-steps.ts';
import { createTaskLifecycle } from './modules/tasks/task-lifecycle.ts';
import { taskLinksRoutes } from './modules/tasks/task-links.routes.ts';
import { createTaskLinksService } from './modules/tasks/task-links.service.ts';
import { createTaskScheduler } from './modules/tasks/task-scheduler.ts';
import type { TaskEngine } from './modules/tasks/tasks.deps.ts';
import { tasksRoutes } from './modules/tasks/tasks.routes.ts';
import { createTasksService } from './modules/tasks/tasks.service.ts';
import { createTemplateReviewsService } from './modules/templates/template-reviews.service.ts';
import { createTemplatesRepository } from './modules/templates/templates.repository.ts';
import { templatesRoutes } from './modules/templates/templates.routes.ts';
import { createTemplatesService } from './modules/templates/templates.service.ts';
import { valueRoutes } from './modules/value/value.routes.ts';
import { createValueService } from './modules/value/value.service.ts';
import { createValuePrompts } from './modules/value/value-prompts.ts';
import { connectorStepTypes, filesRootOf } from './modules/workflows/connector-steps.ts';
import { webhookRoutes } from './modules/workflows/webhooks.routes.ts';
import { workflowsRoutes } from './modules/workflows/workflows.routes.ts';
import { createWorkflowsService } from './modules/workflows/workflows.service.ts';
import { auditLogRoutes } from './platform/audit-log/audit-log.routes.ts';
import { createAuditLog } from './platform/audit-log/audit-log.service.ts';
import { createSecretBox } from './platform/auth/secret-box.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config/config.ts';
import { type DatabaseHandle, openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { buildHttpServer } from './platform/http/server.ts';
import { createGuardedHttpClient } from './platform/http-client/guarded-client.ts';
import type { Logger } from './platform/logger.ts';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VERSION: string = JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')).version;

/** The modules this server has, in navigation order (the web UI lists them). */
export const MODULES = [
  { key: 'tasks', title: 'Inbox', path: '/tasks', permission: 'tasks.read' },
  { key: 'workflows', title: 'Workflows', path: '/workflows', permission: 'workflows.read' },
  { key: 'runs', title: 'Runs', path: '/runs', permission: 'workflows.read' },
  { key: 'symbiosis', title: 'Symbiosis', path: '/symbiosis', permission: 'workflows.read' },
  { key: 'process-audit', title: 'Process audit', path: '/process-audit', permission: 'event_logs.read' },
  { key: 'ideas', title: 'Ideas', path: '/ideas', permission: 'ideas.read' },
  { key: 'value', title: 'Value', path: '/value', permission: 'ideas.read' },
  { key: 'templates', title: 'Templates', path: '/templates', permission: 'workflows.read' },
  { key: 'questionnaires', title: 'Questionnaires', path: '/assessments/questionnaires', permission: 'ideas.manage' },
  { key: 'forms', title: 'Forms', path: '/forms', permission: 'workflows.build' },
  { key: 'people', title: 'People', path: '/users' },
  { key: 'access', title: 'Access', path: '/roles' },
  { key: 'audit-log', title: 'Audit log', path: '/audit' },
];

export interface ServiceOptions {
  publicUrl?: string | undefined;
  logger?: Logger;
  /** Seals credentials; a random one per process when omitted (tests). */
  secretKey?: Buffer;
  /** Where the files connector may read and write (`<dataDir>/files`). */
  dataDir?: string;
  /** SSRF allowlist of the guarded HTTP client. */
  httpAllow?: string[];
  /** Runs one process drives at once. */
  maxActive?: number;
  /** Days a task e-mail's one-click link works (SYMBIONT_TASK_LINK_DAYS). */
  taskLinkDays?: number;
}

/** Builds every service from its dependencies: the one composition root. */
export function createServices(handle: DatabaseHandle, clock: Clock = systemClock, options: ServiceOptions = {}) {
  const db = handle.db;
  const audit = createAuditLog({ db, clock });
  const deps = { db, clock, audit, authCache: createAuthCache({ clock }) };
  const log = options.logger;
  const stepLog = {
    info: (message: string, data?: unknown) => log?.info({ data }, message),
    warn: (message: string, data?: unknown) => log?.warn({ data }, message),
    error: (message: string, data?: unknown) => log?.error({ data }, message),
  };
  // Connectors get no retries from the HTTP client: the engine owns retries.
  const http = createGuardedHttpClient({ allow: options.httpAllow ?? [], maxRetries: 0 });
  const filesRoot = filesRootOf(options.dataDir ?? path.join(tmpdir(), 'symbiont-files'));
  const secretBox = createSecretBox(options.secretKey ?? randomBytes(32));
  const credentials = createCredentialsService({ db, clock, audit, secretBox, http, filesRoot, log: stepLog });
  const resolveCredential = async (id: string, type?: string) =>
    (await credentials.resolveForRun(id, type)).values as Record<string, unknown>;
  const expressions = createExpressionEngine();
  const sandbox = createCodeSandbox({ workers: 1 });
  // Credential rate limits live in the database, so every worker shares them.
  const limiter = createCredentialLimiter({ db, dialect: handle.dialect, clock, log: stepLog });
  const directory = createDirectoryService({ db });
  const notifications = createNotificationsService({
    db,
    dialect: handle.dialect,
    clock,
    http,
    filesRoot,
    log: stepLog,
    resolveCredential,
  });
  // The people steps open tasks and the tasks service signals the engine: bound once both exist.
  let engineRef: Engine | null = null;
  const taskEngine = (): TaskEngine => {
    if (!engineRef) throw new Error('the engine is not built yet');
    return engineRef;
  };
  const tasksDeps = {
    db,
    dialect: handle.dialect,
    clock,
    audit,
    directory,
    notifications,
    engine: taskEngine,
    publicUrl: options.publicUrl,
    linkDays: options.taskLinkDays,
    log: stepLog,
  };
  const taskLifecycle = createTaskLifecycle(tasksDeps);
  const tasks = createTasksService(tasksDeps, taskLifecycle);
  const files = createFilesService({ files: createFilesRepository(db), clock, tasks: () => tasks, log: stepLog });
  const forms = createFormsService({
    db,
    clock,
    audit,
    secretBox,
    engine: () => taskEngine() as Engine,
    files,
    publicUrl: options.publicUrl,
  });
  const registry = createStepRegistry([
    ...builtinStepTypes({ sandbox }),
    formTrigger,
    ...peopleStepTypes({ db, lifecycle: taskLifecycle, directory, notifications }),
    ...connectorStepTypes(connectors, { http, filesRoot, limiter }),
  ]);
  const engine = createEngine({
    store: createRunStore(db, handle.dialect, handle.sqlite),
    registry,
    expressions,
    clock,
    log: stepLog,
    resolveCredential,
    signals: createSignalStore(db, handle.dialect),
    singleNode: handle.dialect === 'sqlite',
    ...(options.maxActive ? { maxActive: options.maxActive } : {}),
    onException: (exception) => taskLifecycle.openException(exception),
    // Only a run that failed or was cancelled can leave tasks open (a run succeeds when nothing waits).
    onRunFinished: (run) => {
      if (run.status === 'succeeded') return;
      void taskLifecycle
        .cancelForRun(run.id, run.status)
        .catch((error) => stepLog.error('cancelling the tasks of an ended run failed', { runId: run.id, error: String(error) }));
    },
  });
  engineRef = engine;
  const triggers = createTriggerScheduler({ db, engine, registry, clock, log: stepLog, owner: engine.owner, resolveCredential });
  const engineDeps = { db, clock, audit, engine, registry, expressions, publicUrl: options.publicUrl, triggers };
  // Publishing a workflow that starts with a form trigger gives it a public form link (same transaction).
  const workflowDeps = { ...engineDeps, onPublish: forms.ensureLink };
  const userNotifications = createUserNotificationsService({ db, clock });
  const ideasRepo = createIdeasRepository(db);
  const ideasDeps = { db, clock, audit, notifications: userNotifications, repo: ideasRepo, similarity: createIdeaSimilarity(ideasRepo) };
  const ideas = createIdeasService(ideasDeps);
  // Templates copy published workflows and create drafts through a workflows service of their own.
  const templatesDeps = {
    db,
    clock,
    audit,
    repo: createTemplatesRepository(db),
    workflows: createWorkflowsService(workflowDeps),
    registry,
  };
  const templates = createTemplatesService(templatesDeps);
  // Measured value credits template authors; new assessments show their category's calibration.
  const value = createValueService({
    db,
    clock,
    audit,
    templateReuses: async (from, to) => new Map((await templates.reuseByAuthor(from, to)).map((r) => [r.author.id, r.uses])),
  });
  const assessmentsDeps = {
    db,
    clock,
    audit,
    repo: createAssessmentsRepository(db),
    ideas,
    calibrationOf: (categoryId: string) => value.calibrationOf(categoryId),
  };
  const questionnaires = createQuestionnairesService(assessmentsDeps);
  return {
    audit,
    engine,
    triggers,
    sandbox,
    expressions,
    credentials,
    directory,
    notifications,
    taskLifecycle,
    tasks,
    taskLinks: createTaskLinksService(tasksDeps, taskLifecycle, tasks),
    files,
    forms,
    delegations: createDelegationsService(tasksDeps),
    taskScheduler: createTaskScheduler({ lifecycle: taskLifecycle, notifications, clock, log: stepLog }),
    workflows: createWorkflowsService(workflowDeps),
    runs: createRunsService(engineDeps),
    symbiosis: createSymbiosisService({ db, clock }),
    users: createUsersService(deps),
    teams: createTeamsService(deps),
    roles: createRolesService(deps),
    tokens: createTokensService(deps),
    sessions: createSessionsService(deps),
    eventLogs: createEventLogsService({ db, clock, audit }),
    userNotifications,
    ideas,
    ideaPipeline: createIdeaPipelineService(ideasDeps, ideas),
    ideaCategories: createIdeaCategoriesService(ideasDeps),
    ideaCommunity: createIdeaCommunityService(ideasDeps),
    ideaImport: createIdeaImport({ repo: ideasRepo, ideas }),
    value,
    valuePrompts: createValuePrompts({ db, clock, notifications: userNotifications, log: stepLog }),
    templates,
    templateReviews: createTemplateReviewsService(templatesDeps),
    questionnaires,
    assessments: createAssessmentsService(assessmentsDeps, questionnaires),
    ideaReviews: createIdeaReviewsService({ ...ideasDeps, registry, workflows: createWorkflowsService(workflowDeps) }),
  };
}

export type Services = ReturnType<typeof createServices>;

export interface AppOptions {
  config: Pick<Config, 'bodyLimit' | 'trustProxy' | 'publicUrl'> &
    Partial<Pick<Config, 'secretKey' | 'dataDir' | 'httpAllow' | 'taskLinkDays'>> & {
      /** Base of absolute links in e-mails when it differs from publicUrl (unset: the listening address). */
      linkBaseUrl?: string | undefined;
    };
  logger: Logger;
  clock?: Clock;
  /** Whether this process claims and drives runs (default true). */
  engine?: boolean;
  /** Folder with the built web UI; defaults to dist/web. */
  webDir?: string | null;
}

export interface App {
  server: FastifyInstance;
  services: Services;
  handle: DatabaseHandle;
}

/** The HTTP app over an open, migrated database. */
export async function createApp(handle: DatabaseHandle, options: AppOptions): Promise<App> {
  const services = createServices(handle, options.clock, {
    publicUrl: options.config.linkBaseUrl ?? options.config.publicUrl,
    logger: options.logger,
    ...(options.config.secretKey ? { secretKey: options.config.secretKey } : {}),
    ...(options.config.dataDir ? { dataDir: options.config.dataDir } : {}),
    ...(options.config.httpAllow ? { httpAllow: options.config.httpAllow } : {}),
    ...(options.config.taskLinkDays ? { taskLinkDays: options.config.taskLinkDays } : {}),
  });
  const publicHttps = options.config.publicUrl?.startsWith('https://') ?? false;
  const isSecure = (request: FastifyRequest) => publicHttps || request.protocol === 'https';
  const server = await buildHttpServer({
    logger: options.logger,
    bodyLimit: options.config.bodyLimit,
    trustProxy: options.config.trustProxy,
    authenticate: (request) => services.sessions.authenticate(request),
    webDir: options.webDir === undefined ? path.join(ROOT_DIR, 'dist', 'web') : options.webDir,
    version: VERSION,
    routes: async (api) => {
      await healthRoutes(api, { db: handle.db, dialect: handle.dialect });
      await sessionRoutes(api, { sessions: services.sessions, users: services.users, modules: MODULES, isSecure });
      await usersRoutes(api, { users: services.users });
      await teamsRoutes(api, { teams: services.teams });
      await rolesRoutes(api, { roles: services.roles });
      await tokensRoutes(api, { tokens: services.tokens });
      await auditLogRoutes(api, { audit: services.audit });
      await workflowsRoutes(api, { workflows: services.workflows });
      await runsRoutes(api, { runs: services.runs });
      await symbiosisRoutes(api, { symbiosis: services.symbiosis });
      await api.register(eventLogsRoutes, { eventLogs: services.eventLogs });
      await credentialsRoutes(api, { credentials: services.credentials });
      await tasksRoutes(api, { tasks: services.tasks, delegations: services.delegations });
      await taskLinksRoutes(api, { links: services.taskLinks });
      await formsRoutes(api, { forms: services.forms });
      await ideasRoutes(api, { ideas: services.ideas, pipeline: services.ideaPipeline, categories: services.ideaCategories });
      await ideaCommunityRoutes(api, { community: services.ideaCommunity });
      await templatesRoutes(api, { templates: services.templates, reviews: services.templateReviews });
      await ideaReviewsRoutes(api, { reviews: services.ideaReviews });
      await userNotificationsRoutes(api, { notifications: services.userNotifications });
      await valueRoutes(api, { value: services.value });
      await assessmentsRoutes(api, { assessments: services.assessments, questionnaires: services.questionnaires });
      await api.register(filesRoutes, { files: services.files, forms: services.forms });
      await api.register(webhookRoutes, { workflows: services.workflows, engine: services.engine, expressions: services.expressions });
    },
  });
  // The engine works in this process: inline runs for webhooks, and due timers and queued runs.
  if (options.engine !== false) {
    await services.engine.start();
    services.triggers.start();
    services.taskScheduler.start();
    services.valuePrompts.start();
    services.files.start();
  }
  // The similar-ideas index is built in the background once the server is up, so the first
  // person to submit an idea does not wait for it (a few seconds for 10,000 ideas).
  let warming: Promise<void> = Promise.resolve();
  if (options.engine !== false) {
    server.addHook('onReady', async () => {
      warming = services.ideas.warmUp().catch((error: unknown) => server.log.warn({ err: error }, 'similar-ideas index not built'));
    });
  }
  server.addHook('onClose', async () => {
    await warming;
    services.files.stop();
    await services.taskScheduler.stop();
    await services.valuePrompts.stop();
    await services.triggers.stop();
    await services.engine.stop();
    await services.sandbox.close();
    await closeConnectorResources();
  });
  return { server, services, handle };
}

/** Opens the configured database and brings it to the latest migration. */
export async function openMigratedDatabase(config: Pick<Config, 'database'>): Promise<DatabaseHandle> {
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
