import { Command, Option } from 'commander';
import { VERSION } from '../app.ts';
import { backupCommand } from './commands/backup.ts';
import { demoCommand } from './commands/demo.ts';
import { migrateCommand } from './commands/migrate.ts';
import { startCommand } from './commands/start.ts';
import { tokenCreateCommand } from './commands/token.ts';
import { userCreateCommand, userListCommand, userResetPasswordCommand } from './commands/user.ts';
import { fail } from './context.ts';

const run =
  <A extends unknown[]>(fn: (...args: A) => Promise<void>) =>
  (...args: A) =>
    fn(...args).catch(fail);

const program = new Command('symbiont')
  .description(
    'Symbiont: run your automation programme — ideas, workflows, people, process audit.\nConfiguration comes from environment variables (see docs/configuration.md).',
  )
  .version(VERSION);

program
  .command('start')
  .description('Start API, web UI and workers in one process (migrates the database first)')
  .action(run(startCommand));
program.command('server').description('Same as start (name used when scaling out on PostgreSQL)').action(run(startCommand));

program
  .command('migrate')
  .description('Bring the database to the latest migration')
  .option('--status', 'only show applied and pending migrations')
  .action(run(migrateCommand));

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
  .action(run(userCreateCommand));
user
  .command('list')
  .description('List people with teams and roles')
  .option('--all', 'include deactivated users')
  .option('--json', 'print JSON')
  .action(run(userListCommand));
user
  .command('reset-password')
  .description("Set a user's password, clear a lock-out and end their sessions")
  .argument('<email>', 'the user’s e-mail address')
  .option('--password <password>', 'new password (else one is generated and printed)')
  .option('--password-stdin', 'read the password from standard input')
  .action(run(userResetPasswordCommand));

const token = program.command('token').description('Manage API tokens');
token
  .command('create')
  .description('Create an API token for a user and print it (once)')
  .requiredOption('--user <email>', 'owner of the token')
  .requiredOption('--name <name>', 'what the token is for')
  .option('--scopes <list>', 'comma list of read, write, admin', 'read')
  .option('--expires-days <days>', 'days until it expires (default: never)')
  .action(run(tokenCreateCommand));

program
  .command('backup')
  .description('Online backup of the SQLite database to a file (PostgreSQL: use pg_dump)')
  .argument('[file]', 'target file (default: <data dir>/backups/symbiont-<time>.db)')
  .action(run(backupCommand));

program
  .command('demo')
  .description('Load the demo company (Crumb & Co. bakery: 3 teams, 12 people) into a fresh database')
  .action(run(demoCommand));

program.showHelpAfterError('(run with --help for usage)');
await program.parseAsync(process.argv);
