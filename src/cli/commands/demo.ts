import { SingleBar } from 'cli-progress';
import { SHOP_WEBHOOK_PATH } from '../../demo/demo-workflows.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { AppError } from '../../platform/errors.ts';
import { withServices } from '../context.ts';

/** `symbiont demo`: loads Crumb & Co. — people, workflows and two weeks of their runs — into a fresh database. */
export async function demoCommand(options: { days?: string }): Promise<void> {
  const days = options.days === undefined ? 14 : Number(options.days);
  if (!Number.isInteger(days) || days < 0 || days > 60) {
    throw new AppError('VALIDATION_FAILED', { status: 400, userMessage: '--days must be a whole number from 0 to 60.' });
  }
  await withServices(async (services, handle, config) => {
    const bar = new SingleBar({ format: 'demo [{bar}] {value}/{total} {step}', hideCursor: true, stream: process.stderr });
    try {
      const summary = await loadDemo(services, {
        handle,
        config,
        days,
        onStart: (total) => bar.start(total, 0, { step: '' }),
        onProgress: (step) => bar.increment({ step }),
      });
      bar.stop();
      const runs = Object.entries(summary.runs)
        .map(([status, n]) => `${n} ${status}`)
        .join(', ');
      process.stdout.write(
        `Loaded Crumb & Co.: ${summary.teams} teams, ${summary.people} people, ${summary.workflows.live} live workflows and ${summary.workflows.drafts} draft, ` +
          `${summary.days} days of runs (${runs}).\n` +
          `Open tasks waiting for people: ${
            ['approval', 'form', 'task', 'exception']
              .filter((kind) => summary.openTasks[kind])
              .map((kind) => `${summary.openTasks[kind]} ${kind}${summary.openTasks[kind] === 1 ? '' : 's'}`)
              .join(', ') || 'none'
          } ` +
          `(Priya approves invoices, Hana fixes wholesale orders).\n` +
          `Ideas: ${summary.ideas.total} in the pipeline, ${summary.ideas.live} live automations realising ${summary.ideas.realisedHours.toFixed(1)} hours so far — see Value.\n` +
          `Process audit: "${summary.eventLog.name}" (${summary.eventLog.events.toLocaleString('en')} events, ${summary.eventLog.cases.toLocaleString('en')} orders) — find its bottleneck and rework.\n` +
          `Sign in as ${summary.adminEmail} (administrator) — every demo person's password is "${summary.password}".\n` +
          `Send the web shop an order: POST /webhooks/${SHOP_WEBHOOK_PATH} (see the README). Files the workflows wrote are in ${config.dataDir}/files.\n`,
      );
    } catch (error) {
      bar.stop();
      throw error;
    }
  });
}
