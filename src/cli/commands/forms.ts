import { cliActor } from '../../platform/permissions/actor.ts';
import { printTable, withServices } from '../context.ts';

/** `symbiont forms list [--json]`: every public form link with its address. */
export async function formsListCommand(options: { json?: boolean }): Promise<void> {
  await withServices(async (services) => {
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await services.forms.list(cliActor(), { limit: 200, cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
      return;
    }
    printTable(
      items.map((f) => ({
        id: f.id,
        workflow: f.workflowName.slice(0, 40),
        status: !f.live ? 'not live' : f.enabled ? 'open' : 'disabled',
        submissions: String(f.submissions),
        spam: String(f.spamBlocked),
        url: f.url ?? '(unreadable: rotate it)',
      })),
      ['id', 'workflow', 'status', 'submissions', 'spam', 'url'],
    );
    if (items.some((f) => f.url?.startsWith('/'))) process.stdout.write('(set SYMBIONT_PUBLIC_URL for full addresses)\n');
  });
}

/** `symbiont forms rotate <id>`: a new token; the old link answers 404 from now on. */
export async function formsRotateCommand(id: string): Promise<void> {
  await withServices(async (services) => {
    const link = await services.forms.rotate(cliActor(), id);
    process.stdout.write(`${link.url ?? ''}\n`);
  });
}
