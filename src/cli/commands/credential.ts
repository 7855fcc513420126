import { AppError } from '../../platform/errors.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { printTable, withServices } from '../context.ts';

type Services = Parameters<Parameters<typeof withServices>[0]>[0];

const describeLimit = (l: { requests: number; per: string; maxConcurrent: number | null } | null) =>
  l ? `${l.requests}/${l.per}${l.maxConcurrent !== null ? `, ${l.maxConcurrent} at once` : ''}` : '-';

/** A credential by id, or by its exact name. */
async function findCredential(services: Services, idOrName: string) {
  const page = await services.credentials.list(cliActor(), { q: idOrName, limit: 200 });
  const byName = page.items.find((c) => c.name === idOrName);
  return byName ?? services.credentials.get(cliActor(), idOrName);
}

/** `symbiont credential list [--json]`: names, types and rate limits (never a field value). */
export async function credentialListCommand(options: { json?: boolean }): Promise<void> {
  await withServices(async (services) => {
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await services.credentials.list(cliActor(), { limit: 200, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify(
          items.map(({ fields: _f, ...c }) => c),
          null,
          2,
        )}\n`,
      );
      return;
    }
    printTable(
      items.map((c) => ({ id: c.id, name: c.name, type: c.type, 'rate limit': describeLimit(c.rateLimit) })),
      ['id', 'name', 'type', 'rate limit'],
    );
  });
}

/** `symbiont credential limit <id|name> --requests N --per second|minute|hour [--max-concurrent N]`, or `--none`. */
export async function credentialLimitCommand(
  idOrName: string,
  options: { requests?: string; per?: string; maxConcurrent?: string; none?: boolean },
): Promise<void> {
  if (!options.none && (options.requests === undefined || options.per === undefined)) {
    throw new AppError('VALIDATION_FAILED', { status: 400, userMessage: 'Give --requests and --per, or --none to remove the limit.' });
  }
  const number = (flag: string, value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n)) throw new AppError('VALIDATION_FAILED', { status: 400, userMessage: `${flag} must be a whole number.` });
    return n;
  };
  const rateLimit = options.none
    ? null
    : {
        requests: number('--requests', options.requests as string),
        per: options.per as 'second' | 'minute' | 'hour',
        maxConcurrent: options.maxConcurrent === undefined ? null : number('--max-concurrent', options.maxConcurrent),
      };
  await withServices(async (services) => {
    const credential = await findCredential(services, idOrName);
    const updated = await services.credentials.update(cliActor(), credential.id, { rateLimit });
    process.stdout.write(`${updated.name}: ${updated.rateLimit ? `rate limit ${describeLimit(updated.rateLimit)}` : 'no rate limit'}\n`);
  });
}
