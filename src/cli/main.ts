import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';

// `symbiont … | head`: the reader went away; stop quietly, like other command-line tools.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

/**
 * Loads a command's module only when it runs, so `--help` and small commands do not pay for
 * importing the whole server.
 */
const run =
  <M, A extends unknown[]>(load: () => Promise<M>, pick: (m: M) => (...args: A) => Promise<void>) =>
  async (...args: A) => {
    const { fail } = await import('./output.ts');
    try {
      await pick(await load())(...args);
    } catch (error) {
      fail(error);
    }
  };

const program = new Command('symbiont')
  .description(
    'Symbiont: run your automation programme — ideas, workflows, people, process audit.\nConfiguration comes from environment variables (see docs/configuration.md).',
  )
  .version(VERSION);

program
  .command('start')
  .description('Start API, web UI and workers in one process (migrates the database first)')
  .action(
    run(
      () => import('./commands/start.ts'),
      (m) => m.startCommand,
    ),
  );
program
  .command('server')
  .description('Same as start (name used when scaling out on PostgreSQL)')
  .action(
    run(
      () => import('./commands/start.ts'),
      (m) => m.startCommand,
    ),
  );

program
  .command('migrate')
  .description('Bring the database to the latest migration')
  .option('--status', 'only show applied and pending migrations')
  .action(
    run(
      () => import('./commands/migrate.ts'),
      (m) => m.migrateCommand,
    ),
  );

const user = program.command('user').description('Manage people');
user
  .command('create')
  .description('Create a user (prints a generated password unless you give one)')
  .requiredOption('--email <email>', 'e-mail address (sign-in name)')
  .requiredOption('--name <name>', 'display name')
  .option('--admin', 'make the user an administrator')
  .addOption(new Option('--role <role...>', 'global roles to add').choices(['admin', 'programme_manager', 'approver', 'builder', 'viewer']))
  .option('--password <password>', 'initial password (visible in shell history; prefer --password-stdin)')
  .option('--password-stdin', 'read the password from standard input')
  .action(
    run(
      () => import('./commands/user.ts'),
      (m) => m.userCreateCommand,
    ),
  );
user
  .command('list')
  .description('List people with teams and roles')
  .option('--all', 'include deactivated users')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/user.ts'),
      (m) => m.userListCommand,
    ),
  );
user
  .command('reset-password')
  .description("Set a user's password, clear a lock-out and end their sessions")
  .argument('<email>', 'the user’s e-mail address')
  .option('--password <password>', 'new password (else one is generated and printed)')
  .option('--password-stdin', 'read the password from standard input')
  .action(
    run(
      () => import('./commands/user.ts'),
      (m) => m.userResetPasswordCommand,
    ),
  );

const token = program.command('token').description('Manage API tokens');
token
  .command('create')
  .description('Create an API token for a user and print it (once)')
  .requiredOption('--user <email>', 'owner of the token')
  .requiredOption('--name <name>', 'what the token is for')
  .option('--scopes <list>', 'comma list of read, write, admin', 'read')
  .option('--expires-days <days>', 'days until it expires (default: never)')
  .action(
    run(
      () => import('./commands/token.ts'),
      (m) => m.tokenCreateCommand,
    ),
  );

program
  .command('backup')
  .description('Online backup of the SQLite database to a file (PostgreSQL: use pg_dump)')
  .argument('[file]', 'target file (default: <data dir>/backups/symbiont-<time>.db)')
  .action(
    run(
      () => import('./commands/backup.ts'),
      (m) => m.backupCommand,
    ),
  );

program
  .command('demo')
  .description('Load the demo company (Crumb & Co. bakery: 3 teams, 12 people, its workflows and two weeks of runs) into a fresh database')
  .option('--days <n>', 'days of history to replay through the engine (0–60)', '14')
  .action(
    run(
      () => import('./commands/demo.ts'),
      (m) => m.demoCommand,
    ),
  );

const workflow = program.command('workflow').description('Manage workflows');
workflow
  .command('list')
  .description('List workflows with their live version and last run')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/workflow.ts'),
      (m) => m.workflowListCommand,
    ),
  );
workflow
  .command('import')
  .description('Create a workflow from an exported file (or a bare definition with --name)')
  .argument('<file>', 'a .workflow.json file')
  .option('--name <name>', 'name (required for a bare definition)')
  .option('--publish', 'publish it right away')
  .action(
    run(
      () => import('./commands/workflow.ts'),
      (m) => m.workflowImportCommand,
    ),
  );
workflow
  .command('export')
  .description('Write a workflow (its draft) as a file to import elsewhere')
  .argument('<id>', 'workflow id')
  .argument('[file]', 'target file (default: standard output)')
  .action(
    run(
      () => import('./commands/workflow.ts'),
      (m) => m.workflowExportCommand,
    ),
  );
workflow
  .command('publish')
  .description('Publish the draft as the next version')
  .argument('<id>', 'workflow id')
  .option('--note <text>', 'what changed')
  .action(
    run(
      () => import('./commands/workflow.ts'),
      (m) => m.workflowPublishCommand,
    ),
  );
workflow
  .command('run')
  .description('Run a workflow here and print each step and the result')
  .argument('<id>', 'workflow id')
  .option('--input <json>', 'run input as JSON', '{}')
  .option('--draft', 'run the draft instead of the published version')
  .option('--no-wait', 'only start it; print the run id')
  .action(
    run(
      () => import('./commands/workflow.ts'),
      (m) => m.workflowRunCommand,
    ),
  );

program
  .command('symbiosis')
  .description(
    'People and the machine, week by week: steps, time, task cycle time, SLA breaches, exceptions (a workflow, a team or everything)',
  )
  .option('--workflow <id>', 'one workflow')
  .option('--team <name>', "a team's workflows (name or id)")
  .option('--weeks <n>', 'weeks up to the current one (1–104)', '12')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/symbiosis.ts'),
      (m) => m.symbiosisCommand,
    ),
  );

workflow
  .command('stats')
  .description('Runs, success rate, working and waiting time (machines, people) and per-step figures of a workflow')
  .argument('<id>', 'workflow id')
  .option('--days <n>', 'the period, days (1–365)', '90')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/workflow.ts'),
      (m) => m.workflowStatsCommand,
    ),
  );

const credential = program.command('credential').description('Inspect connector credentials and set their rate limits');
credential
  .command('list')
  .description('List credentials with type and rate limit (field values are never printed)')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/credential.ts'),
      (m) => m.credentialListCommand,
    ),
  );
credential
  .command('limit')
  .description("Set or remove a credential's rate limit (shared by every step and worker using it)")
  .argument('<credential>', 'credential id or exact name')
  .option('--requests <n>', 'calls allowed in any window')
  .addOption(new Option('--per <period>', 'the window').choices(['second', 'minute', 'hour']))
  .option('--max-concurrent <n>', 'calls in flight at once (optional)')
  .option('--none', 'remove the limit')
  .action(
    run(
      () => import('./commands/credential.ts'),
      (m) => m.credentialLimitCommand,
    ),
  );

const runs = program.command('runs').description('Inspect and operate runs');
runs
  .command('list')
  .description('Runs, newest first')
  .option('--workflow <id>', 'only this workflow')
  .addOption(
    new Option('--status <status>', 'only this status').choices(['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled']),
  )
  .option('--limit <n>', 'how many (max 200)', '50')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/runs.ts'),
      (m) => m.runsListCommand,
    ),
  );
runs
  .command('show')
  .description("A run's steps with status, attempts, timing and output")
  .argument('<id>', 'run id')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/runs.ts'),
      (m) => m.runsShowCommand,
    ),
  );
runs
  .command('retry')
  .description('Continue a failed run from its failed step')
  .argument('<id>', 'run id')
  .action(
    run(
      () => import('./commands/runs.ts'),
      (m) => m.runsRetryCommand,
    ),
  );
runs
  .command('cancel')
  .description('Cancel a run')
  .argument('<id>', 'run id')
  .action(
    run(
      () => import('./commands/runs.ts'),
      (m) => m.runsCancelCommand,
    ),
  );

const forms = program.command('forms').description('Public form links that start workflows');
forms
  .command('list')
  .description('Every form link with its address, status and submission counts')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/forms.ts'),
      (m) => m.formsListCommand,
    ),
  );
forms
  .command('rotate')
  .description('Give a form a new link (the old one stops working at once); prints the new address')
  .argument('<id>', 'form link id (from forms list)')
  .action(
    run(
      () => import('./commands/forms.ts'),
      (m) => m.formsRotateCommand,
    ),
  );

program
  .command('value')
  .description('Measured value of live automations: expected versus realised')
  .command('report')
  .description('Expected versus realised value of every live automation over a window (default: the last 12 weeks)')
  .option('--from <date>', 'start of the window (YYYY-MM-DD)')
  .option('--to <date>', 'end of the window, inclusive (YYYY-MM-DD)')
  .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
  .action(
    run(
      () => import('./commands/value.ts'),
      (m) => m.valueReportCommand,
    ),
  );

const ideas = program.command('ideas').description('The community idea pipeline: list, show, import and export ideas');
ideas
  .command('list')
  .description('Ideas, newest first (filters as in the web table)')
  .addOption(
    new Option('--phase <phase>', 'only this phase').choices([
      'idea',
      'assessment',
      'qualification',
      'analysis',
      'design',
      'build',
      'test',
      'live',
    ]),
  )
  .option('--status <status>', 'only this status (awaiting_review, approved, on_track, …)')
  .option('--category <id>', 'only this category')
  .option('--q <text>', 'matches name or description')
  .addOption(new Option('--sort <key>', 'sort key').choices(['created', 'updated', 'score', 'votes', 'name']))
  .option('--limit <n>', 'how many (max 200)', '50')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/ideas.ts'),
      (m) => m.ideasListCommand,
    ),
  );
ideas
  .command('show')
  .description('An idea: its score factor by factor, volume, community and history')
  .argument('<id>', 'idea id')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/ideas.ts'),
      (m) => m.ideasShowCommand,
    ),
  );
ideas
  .command('import')
  .description('Import ideas from CSV, all or nothing (docs/ideas.md lists the columns)')
  .argument('<csv>', 'CSV file with a header row')
  .action(
    run(
      () => import('./commands/ideas.ts'),
      (m) => m.ideasImportCommand,
    ),
  );
ideas
  .command('export')
  .description('Export every idea as CSV')
  .option('--out <file>', 'write to this file instead of stdout')
  .action(
    run(
      () => import('./commands/ideas.ts'),
      (m) => m.ideasExportCommand,
    ),
  );

const templates = program.command('templates').description('Workflow templates: browse, use and publish (reuse is credited to authors)');
templates
  .command('list')
  .description('The template gallery')
  .option('--q <text>', 'matches name, summary or tags')
  .option('--category <id>', 'only this idea category')
  .option('--tag <tag>', 'only this tag')
  .addOption(new Option('--sort <key>', 'sort key').choices(['newest', 'uses', 'rating']))
  .option('--limit <n>', 'how many (max 100)', '24')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/templates.ts'),
      (m) => m.templatesListCommand,
    ),
  );
templates
  .command('show')
  .description('A template: documentation, steps, needed credentials, versions and reviews')
  .argument('<id>', 'template id')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/templates.ts'),
      (m) => m.templatesShowCommand,
    ),
  );
templates
  .command('use')
  .description('Create a draft workflow from a template')
  .argument('<id>', 'template id')
  .requiredOption('--as <email>', 'who uses it (owns the new workflow)')
  .requiredOption('--name <name>', 'name of the new workflow')
  .option('--version <n>', 'template version (default: the current one)')
  .action(
    run(
      () => import('./commands/templates.ts'),
      (m) => m.templatesUseCommand,
    ),
  );
templates
  .command('publish')
  .description("Publish a workflow's latest published version as a template (again: a new version)")
  .argument('<workflow-id>', 'workflow id')
  .requiredOption('--as <email>', 'the author')
  .option('--name <name>', "template name (default: the workflow's)")
  .option('--summary <text>', 'one or two sentences')
  .option('--docs <file>', 'Markdown documentation file')
  .option('--category <id>', 'idea category id')
  .option('--tag <tag...>', 'tags')
  .option('--note <text>', 'what changed in this version')
  .action(
    run(
      () => import('./commands/templates.ts'),
      (m) => m.templatesPublishCommand,
    ),
  );

const assessments = program.command('assessments').description('Detailed assessments of ideas: AS-IS, potential, ease and value');
assessments
  .command('show')
  .description('An idea’s assessment, low / likely / high (or the draft from its quick screen)')
  .argument('<ideaId>', 'idea id')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/assessments.ts'),
      (m) => m.assessmentsShowCommand,
    ),
  );
assessments
  .command('set')
  .description('Save an idea’s assessment from a JSON file (the body of PUT /api/v1/assessments/ideas/{id})')
  .argument('<ideaId>', 'idea id')
  .requiredOption('--file <file>', 'JSON file: { questionnaireVersion?, answers, input, minutesSavedPerRun? }')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/assessments.ts'),
      (m) => m.assessmentsSetCommand,
    ),
  );
ideas
  .command('review')
  .description("An idea's business and technical reviews and checklist; submit, decide, confirm or waive (docs/ideas.md)")
  .argument('<id>', 'idea id')
  .option('--as <email>', 'who acts (required to submit, decide, confirm or waive)')
  .option('--submit <kind>', 'the builder submits: business | technical')
  .option('--approve <kind>', 'approve the pending review: business | technical')
  .option('--request-changes <kind>', 'send the pending review back (needs --note)')
  .option('--confirm <item>', 'confirm a checklist item: error_handling | credentials | data_class | owner | test_runs')
  .option('--waive <item>', 'waive a checklist item (needs --reason)')
  .option('--data-class <class>', 'with --confirm data_class: public | internal | confidential | restricted')
  .option('--note <text>', 'note for a submission or decision')
  .option('--reason <text>', 'why an item is waived')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/idea-reviews.ts'),
      (m) => m.ideasReviewCommand,
    ),
  );

const tasks = program.command('tasks').description('The task inbox: approvals, forms, to-dos and exceptions');
tasks
  .command('list')
  .description('Open tasks: your inbox with --as, else every task')
  .option('--as <email>', 'whose inbox (their tasks, teams, roles and stand-ins)')
  .addOption(new Option('--view <view>', 'which tasks').choices(['inbox', 'mine', 'team', 'all']))
  .addOption(
    new Option('--status <status>', 'only this status').choices(['active', 'open', 'claimed', 'closed', 'done', 'expired', 'cancelled']),
  )
  .addOption(new Option('--kind <kind>', 'only this kind').choices(['approval', 'form', 'task', 'exception']))
  .addOption(new Option('--due <due>', 'only open tasks due').choices(['overdue', 'today', 'week', 'none']))
  .option('--limit <n>', 'how many (max 200)', '50')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/tasks.ts'),
      (m) => m.tasksListCommand,
    ),
  );
tasks
  .command('show')
  .description('A task: data, form, decisions and what you may do')
  .argument('<id>', 'task id')
  .option('--as <email>', 'as this person')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/tasks.ts'),
      (m) => m.tasksShowCommand,
    ),
  );
tasks
  .command('approve')
  .description('Approve an approval task (the run continues once the policy is met)')
  .argument('<id>', 'task id')
  .requiredOption('--as <email>', 'whose decision it is')
  .option('--comment <text>', 'why')
  .action(
    run(
      () => import('./commands/tasks.ts'),
      (m) => m.tasksApproveCommand,
    ),
  );
tasks
  .command('reject')
  .description('Reject an approval task')
  .argument('<id>', 'task id')
  .requiredOption('--as <email>', 'whose decision it is')
  .option('--comment <text>', 'why')
  .action(
    run(
      () => import('./commands/tasks.ts'),
      (m) => m.tasksRejectCommand,
    ),
  );
tasks
  .command('complete')
  .description('Complete a form or a to-do')
  .argument('<id>', 'task id')
  .requiredOption('--as <email>', 'who completes it')
  .option('--data <json>', 'field values as a JSON object', '{}')
  .option('--outcome <name>', 'the outcome (to-dos)')
  .option('--comment <text>', 'a note')
  .action(
    run(
      () => import('./commands/tasks.ts'),
      (m) => m.tasksCompleteCommand,
    ),
  );
tasks
  .command('resolve')
  .description('Resolve an exception: retry the failed step, skip it with an output, or abort the run')
  .argument('<id>', 'task id')
  .requiredOption('--as <email>', 'who resolves it')
  .addOption(new Option('--action <action>', 'what to do').choices(['retry', 'skip', 'abort']).makeOptionMandatory())
  .option('--input <json>', 'retry: the step input to use instead')
  .option('--output <json>', 'skip: the output the step gives the next steps')
  .option('--comment <text>', 'a note')
  .action(
    run(
      () => import('./commands/tasks.ts'),
      (m) => m.tasksResolveCommand,
    ),
  );

const audit = program.command('audit').description('Process audit: mine event logs (CSV, XES) to see how work really flows');
audit
  .command('stats')
  .description('Statistics of an event log: activities, variants, directly-follows graph with times, case durations, rework')
  .argument('<file>', 'a .xes, .xes.gz, .csv or .csv.gz event log')
  .option('--case <column>', 'CSV column of the case id (default: case:concept:name, case_id, case …)')
  .option('--activity <column>', 'CSV column / XES attribute of the activity (default: concept:name, activity …)')
  .option('--timestamp <column>', 'CSV column / XES attribute of the timestamp (default: time:timestamp, timestamp …)')
  .option('--resource <column>', 'CSV column / XES attribute of the resource (default: org:resource, resource …)')
  .option('--start-timestamp <column>', 'CSV column of the start timestamp (optional)')
  .option('--delimiter <char>', 'CSV delimiter: one character, or tab, comma, semicolon, pipe (default: detected)')
  .option('--date-format <format>', 'iso, DD/MM/YYYY HH:mm:ss, MM/DD/YYYY HH:mm:ss, epoch, epoch_ms (default: detected)')
  .option('--timezone <zone>', 'IANA time zone of timestamps without a UTC offset', 'UTC')
  .option('--json', 'print one JSON object (the keys of the PM4Py oracle)')
  .action(
    run(
      () => import('./commands/audit.ts'),
      (m) => m.auditStatsCommand,
    ),
  );

audit
  .command('import')
  .description('Store an event log in the database for the web UI (the same flags as stats); a failed import stores nothing')
  .argument('<file>', 'a .xes, .xes.gz, .csv or .csv.gz event log')
  .option('--name <name>', 'a name for the log (default: the file name)')
  .option('--case <column>', 'CSV column of the case id')
  .option('--activity <column>', 'CSV column / XES attribute of the activity')
  .option('--timestamp <column>', 'CSV column / XES attribute of the timestamp')
  .option('--resource <column>', 'CSV column / XES attribute of the resource')
  .option('--start-timestamp <column>', 'CSV column of the start timestamp (optional)')
  .option('--delimiter <char>', 'CSV delimiter (default: detected)')
  .option('--date-format <format>', 'iso, DD/MM/YYYY HH:mm:ss, MM/DD/YYYY HH:mm:ss, epoch, epoch_ms (default: detected)')
  .option('--timezone <zone>', 'IANA time zone of timestamps without a UTC offset', 'UTC')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/audit-logs.ts'),
      (m) => m.auditImportCommand,
    ),
  );
audit
  .command('list')
  .description('Imported event logs, newest first')
  .option('--json', 'print JSON')
  .action(
    run(
      () => import('./commands/audit-logs.ts'),
      (m) => m.auditListCommand,
    ),
  );
audit
  .command('show')
  .description('Statistics of an imported event log (as audit stats)')
  .argument('<id>', 'event log id')
  .option('--json', 'print one JSON object (the keys of the PM4Py oracle)')
  .action(
    run(
      () => import('./commands/audit-logs.ts'),
      (m) => m.auditShowCommand,
    ),
  );

program
  .command('worker')
  .description('Claim and drive runs and fire triggers without serving HTTP (scale-out on PostgreSQL)')
  .option('--concurrency <n>', 'runs driven at once', '64')
  .action(
    run(
      () => import('./commands/worker.ts'),
      (m) => m.workerCommand,
    ),
  );

program.showHelpAfterError('(run with --help for usage)');
await program.parseAsync(process.argv);
