import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { RowError } from '../../modules/ideas/idea-csv.domain.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { printTable, withServices } from '../context.ts';

type ListOptions = { phase?: string; status?: string; category?: string; q?: string; sort?: string; limit?: string; json?: boolean };

/** `symbiont ideas list [--phase] [--status] [--category id] [--q text] [--sort] [--limit] [--json]`. */
export async function ideasListCommand(options: ListOptions): Promise<void> {
  await withServices(async (services) => {
    const page = await services.ideas.list(cliActor(), {
      phase: options.phase as 'idea' | undefined,
      status: options.status as 'approved' | undefined,
      categoryId: options.category,
      q: options.q,
      sort: (options.sort ?? 'created') as 'created',
      order: options.sort === 'name' ? 'asc' : 'desc',
      limit: Math.min(200, Math.max(1, Number(options.limit ?? 50) || 50)),
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(page.items, null, 2)}\n`);
      return;
    }
    printTable(
      page.items.map((i) => ({
        id: i.id,
        name: i.name.slice(0, 50),
        category: i.categoryName,
        phase: i.phase,
        status: i.status,
        score: `${i.score}${i.feasible ? '' : ' (not feasible now)'}`,
        votes: String(i.votes),
      })),
      ['id', 'name', 'category', 'phase', 'status', 'score', 'votes'],
    );
  });
}

/** `symbiont ideas show <id> [--json]`: the idea, its score factor by factor and its history. */
export async function ideasShowCommand(id: string, options: { json?: boolean }): Promise<void> {
  await withServices(async (services) => {
    const actor = cliActor();
    const idea = await services.ideas.get(actor, id);
    const history = await services.ideaPipeline.history(actor, id);
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ ...idea, history }, null, 2)}\n`);
      return;
    }
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(`${idea.name} [${idea.phase} · ${idea.status}] — ${idea.category.name}${idea.team ? `, ${idea.team.name}` : ''}`);
    out(idea.description);
    out(`score ${idea.score.score}/100 (suitability ${idea.score.suitability}, readiness ${idea.score.readiness})`);
    for (const f of idea.score.factors) out(`  ${f.label.padEnd(42)} answer ${f.answer}  +${f.points} (of ${f.points + f.headroom})`);
    if (idea.score.warning) out(`warning: ${idea.score.warning}`);
    out(`volume: ${idea.frequencyCount}/${idea.frequencyPeriod} × ${idea.minutesPerCase} min ≈ ${idea.hoursPerMonth} h/month`);
    out(`votes ${idea.votes}, supporters ${idea.supporters}, comments ${idea.comments}, followers ${idea.followers}`);
    for (const w of idea.workflows) out(`workflow: ${w.name} (${w.id}, ${w.status})`);
    for (const h of history) out(`  ${h.createdAt} ${h.actor}: ${h.action} → ${h.toPhase} · ${h.toStatus} — ${h.reason}`);
  });
}

/** `symbiont ideas import <csv>`: all-or-nothing, per-row errors, a progress bar on a terminal. */
export async function ideasImportCommand(file: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AppError('FILE_NOT_FOUND', { status: 404, userMessage: `Cannot read ${file}: ${(error as Error).message}` });
  }
  await withServices(async (services) => {
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: '{phase} {bar} {value}/{total} ideas', hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
    let started = false;
    try {
      const result = await services.ideaImport.importCsv(cliActor(), text, (phase, done, total) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, 0, { phase });
          started = true;
        }
        bar.update(done, { phase: phase === 'check' ? 'checking' : 'writing ' });
      });
      bar?.stop();
      process.stdout.write(`imported ${result.imported} idea(s)\n`);
    } catch (error) {
      bar?.stop();
      if (isAppError(error) && error.code === 'IDEA_IMPORT_INVALID') {
        const errors = (error.details as { errors: RowError[] }).errors;
        for (const e of errors) process.stderr.write(`line ${e.line}${e.field ? `, ${e.field}` : ''}: ${e.message}\n`);
      }
      throw error;
    }
  });
}

/** `symbiont ideas export [--out file]`: every idea as CSV (stdout by default). */
export async function ideasExportCommand(options: { out?: string }): Promise<void> {
  await withServices(async (services) => {
    const chunks: string[] = [];
    const count = await services.ideaImport.exportCsv(cliActor(), (chunk) => {
      if (options.out) chunks.push(chunk);
      else process.stdout.write(chunk);
    });
    if (options.out) {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(options.out, chunks.join(''));
      process.stderr.write(`exported ${count} idea(s) to ${options.out}\n`);
    }
  });
}
