import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { TOKEN_SCOPES } from '../../platform/permissions/catalog.ts';
import { withServices } from '../context.ts';

/** `symbiont token create --user <email> --name <name> [--scopes read,write] [--expires-days N]`. */
export async function tokenCreateCommand(options: { user: string; name: string; scopes: string; expiresDays?: string }): Promise<void> {
  const scopes = options.scopes
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = scopes.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
  if (bad.length > 0 || scopes.length === 0) {
    throw new AppError('VALIDATION_FAILED', { status: 400, userMessage: `--scopes must be a comma list of ${TOKEN_SCOPES.join(', ')}` });
  }
  const expiresInDays = options.expiresDays === undefined ? undefined : Number(options.expiresDays);
  if (expiresInDays !== undefined && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 3650)) {
    throw new AppError('VALIDATION_FAILED', { status: 400, userMessage: '--expires-days must be a whole number from 1 to 3650' });
  }
  await withServices(async (services, handle) => {
    const user = await handle.db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', options.user.trim().toLowerCase())
      .executeTakeFirst();
    if (!user) throw new AppError('NOT_FOUND', { status: 404, userMessage: `No user with e-mail ${options.user}.` });
    const grants = await services.roles.grantsOf(user.id);
    // The token is created as its owner, so it can never carry more than the owner's roles allow.
    const owner: Actor = { type: 'cli', userId: user.id, label: user.name, grants, tokenScopes: null, requestId: null, ip: null };
    const { token, apiToken } = await services.tokens.create(owner, { name: options.name, scopes, expiresInDays });
    process.stdout.write(`${token}\n`);
    process.stderr.write(
      `token "${apiToken.name}" for ${user.name}, scopes ${apiToken.scopes.join(',')}${apiToken.expiresAt ? `, expires ${apiToken.expiresAt}` : ''}. Shown once: store it now.\n`,
    );
  });
}
