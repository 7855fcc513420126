import { createUserBody, password as passwordSchema } from '../../modules/auth/auth.schemas.ts';
import { AppError } from '../../platform/errors.ts';
import { randomToken } from '../../platform/ids.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { printTable, readStdin, withServices } from '../context.ts';

async function choosePassword(options: { password?: string; passwordStdin?: boolean }): Promise<{ password: string; generated: boolean }> {
  if (options.password) return { password: options.password, generated: false };
  if (options.passwordStdin) return { password: await readStdin(), generated: false };
  return { password: randomToken(15), generated: true };
}

function checkPassword(password: string): void {
  const result = passwordSchema.safeParse(password);
  if (!result.success) {
    throw new AppError('VALIDATION_FAILED', {
      status: 400,
      userMessage: `Password: ${result.error.issues[0]?.message ?? 'invalid'}`,
    });
  }
}

/** `symbiont user create --email … --name … [--admin] [--password …|--password-stdin]`. */
export async function userCreateCommand(options: {
  email: string;
  name: string;
  admin?: boolean;
  role?: string[];
  password?: string;
  passwordStdin?: boolean;
}): Promise<void> {
  const { password, generated } = await choosePassword(options);
  checkPassword(password);
  const roles = [...(options.admin ? ['admin'] : []), ...(options.role ?? [])].map((role) => ({ role, scopeType: 'global' }));
  const input = createUserBody.safeParse({ email: options.email, name: options.name, password, roles });
  if (!input.success) {
    const issue = input.error.issues[0];
    throw new AppError('VALIDATION_FAILED', { status: 400, userMessage: `${issue?.path.join('.')}: ${issue?.message}` });
  }
  await withServices(async (services) => {
    const user = await services.users.create(cliActor(), input.data);
    process.stdout.write(`created ${user.name} <${user.email}> (${user.id})${options.admin ? ' as administrator' : ''}\n`);
    if (generated) process.stdout.write(`password: ${password}\n(shown once; change it after signing in)\n`);
  });
}

/** `symbiont user list [--all]`. */
export async function userListCommand(options: { all?: boolean; json?: boolean }): Promise<void> {
  await withServices(async (services) => {
    const actor = cliActor();
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await services.users.list(actor, { includeInactive: options.all ?? false, limit: 200, cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const roles = await services.roles.list(actor);
    const rolesOf = (id: string) =>
      roles
        .filter((r) => r.userId === id)
        .map((r) => (r.scopeName ? `${r.role}@${r.scopeName}` : r.role))
        .join(',');
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify(
          items.map((u) => ({ ...u, roles: rolesOf(u.id).split(',') })),
          null,
          2,
        )}\n`,
      );
      return;
    }
    printTable(
      items.map((u) => ({
        email: u.email,
        name: u.name,
        teams: u.teams.map((t) => t.name).join(','),
        roles: rolesOf(u.id),
        active: u.isActive ? 'yes' : 'no',
      })),
      ['email', 'name', 'teams', 'roles', 'active'],
    );
  });
}

/** `symbiont user reset-password <email>`: sets a password, clears lock-out, ends sessions. */
export async function userResetPasswordCommand(email: string, options: { password?: string; passwordStdin?: boolean }): Promise<void> {
  const { password, generated } = await choosePassword(options);
  checkPassword(password);
  await withServices(async (services, handle) => {
    const row = await handle.db.selectFrom('users').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { status: 404, userMessage: `No user with e-mail ${email}.` });
    await services.users.setPassword(cliActor(), row.id, password);
    process.stdout.write(`password reset for ${email}; their sessions were ended and any lock-out cleared\n`);
    if (generated) process.stdout.write(`password: ${password}\n`);
  });
}
