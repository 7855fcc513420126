import { readFile } from 'node:fs/promises';
import type { Services } from '../../app.ts';
import { AppError } from '../../platform/errors.ts';
import { type Actor, cliActor } from '../../platform/permissions/actor.ts';
import { printTable, withServices } from '../context.ts';

type ListOptions = { q?: string; category?: string; tag?: string; sort?: string; limit?: string; json?: boolean };
type PublishOptions = { as?: string; name?: string; summary?: string; docs?: string; category?: string; tag?: string[]; note?: string };

/** Publishing and using templates are a person's acts (credited, audited): they need `--as`. */
async function personActor(services: Services, email: string | undefined): Promise<Actor> {
  if (!email) throw new AppError('BAD_REQUEST', { status: 400, userMessage: 'Say who does this: --as <e-mail address>.' });
  return services.directory.actorForEmail(email, `cli:${process.env.USER ?? 'operator'}`);
}

const stars = (rating: number | null, count: number) => (rating === null ? '—' : `${rating.toFixed(1)}★ (${count})`);

/** `symbiont templates list [--q] [--category id] [--tag] [--sort newest|uses|rating] [--limit] [--json]`. */
export async function templatesListCommand(options: ListOptions): Promise<void> {
  await withServices(async (services) => {
    const page = await services.templates.list(cliActor(), {
      q: options.q,
      categoryId: options.category,
      tag: options.tag,
      sort: (options.sort ?? 'newest') as 'newest',
      includeArchived: false,
      limit: Math.min(100, Math.max(1, Number(options.limit ?? 24) || 24)),
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(page.items, null, 2)}\n`);
      return;
    }
    printTable(
      page.items.map((t) => ({
        id: t.id,
        name: t.name.slice(0, 50),
        author: t.author?.name ?? '',
        category: t.category?.name ?? '',
        uses: String(t.uses),
        rating: stars(t.rating, t.ratingCount),
        version: String(t.version),
      })),
      ['id', 'name', 'author', 'category', 'uses', 'rating', 'version'],
    );
  });
}

/** `symbiont templates show <id> [--json]`: documentation, steps, needed credentials, versions, reviews. */
export async function templatesShowCommand(id: string, options: { json?: boolean }): Promise<void> {
  await withServices(async (services) => {
    const t = await services.templates.get(cliActor(), id);
    if (options.json) {
      process.stdout.write(`${JSON.stringify(t, null, 2)}\n`);
      return;
    }
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(`${t.name} v${t.version} [${t.status}] by ${t.author?.name ?? '?'} — ${t.uses} use(s), ${stars(t.rating, t.ratingCount)}`);
    if (t.summary) out(t.summary);
    if (t.tags.length > 0) out(`tags: ${t.tags.join(', ')}`);
    const nodes = (t.definition as { nodes?: { id: string; name: string; type: string }[] }).nodes ?? [];
    for (const n of nodes) out(`  step ${n.id}: ${n.name} (${n.type})`);
    for (const need of t.needs) out(`  needs: ${need.nodeName} — ${need.message}`);
    if (t.documentation) out(`\n${t.documentation}\n`);
    for (const v of t.versions) out(`  v${v.version} ${v.createdAt} ${v.createdBy ?? ''} ${v.note}`);
    for (const r of t.reviews) out(`  ${'★'.repeat(r.stars)} ${r.user?.name ?? ''}: ${r.text}`);
  });
}

/** `symbiont templates use <id> --as e-mail --name <workflow name> [--version n]`. */
export async function templatesUseCommand(id: string, options: { as?: string; name: string; version?: string }): Promise<void> {
  await withServices(async (services) => {
    const actor = await personActor(services, options.as);
    const used = await services.templates.use(actor, id, {
      name: options.name,
      ...(options.version ? { version: Number(options.version) } : {}),
    });
    process.stdout.write(`workflow ${used.workflowId} created from template ${id} v${used.version} (a draft)\n`);
    for (const need of used.needs) process.stdout.write(`  to do: ${need.nodeName} — ${need.message}\n`);
  });
}

/** `symbiont templates publish <workflow-id> --as e-mail --name … [--summary] [--docs file.md] [--category id] [--tag t]… [--note]`. */
export async function templatesPublishCommand(workflowId: string, options: PublishOptions): Promise<void> {
  await withServices(async (services) => {
    const actor = await personActor(services, options.as);
    const workflow = await services.workflows.get(actor, workflowId);
    const t = await services.templates.publish(actor, {
      workflowId,
      name: options.name ?? workflow.name,
      summary: options.summary ?? workflow.description.slice(0, 300),
      documentation: options.docs ? await readFile(options.docs, 'utf8') : '',
      tags: options.tag ?? [],
      note: options.note ?? '',
      ...(options.category ? { categoryId: options.category } : {}),
    });
    process.stdout.write(`template ${t.id} "${t.name}" v${t.version} published\n`);
    for (const need of t.needs) process.stdout.write(`  stripped: ${need.nodeName} — ${need.message}\n`);
  });
}
