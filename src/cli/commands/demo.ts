import { SingleBar } from 'cli-progress';
import { DEMO_PEOPLE, DEMO_TEAMS } from '../../demo/demo-company.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { withServices } from '../context.ts';

/** `symbiont demo`: loads Crumb & Co. into a fresh database. */
export async function demoCommand(): Promise<void> {
  await withServices(async (services) => {
    const bar = new SingleBar({ format: 'demo [{bar}] {value}/{total} {step}', hideCursor: true, stream: process.stderr });
    bar.start(DEMO_TEAMS.length + DEMO_PEOPLE.length, 0, { step: '' });
    try {
      const summary = await loadDemo(services, (step) => bar.increment({ step }));
      bar.stop();
      process.stdout.write(
        `Loaded Crumb & Co.: ${summary.teams} teams, ${summary.people} people.\n` +
          `Sign in as ${summary.adminEmail} (administrator) — every demo person's password is "${summary.password}".\n`,
      );
    } catch (error) {
      bar.stop();
      throw error;
    }
  });
}
