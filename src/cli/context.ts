import { createServices, openMigratedDatabase, type Services } from '../app.ts';
import { type Config, linkBaseUrl, loadConfig } from '../platform/config/config.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { isAppError } from '../platform/errors.ts';

/** Runs a CLI command against the configured, migrated database, closing it after. */
export async function withServices<T>(work: (services: Services, handle: DatabaseHandle, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await openMigratedDatabase(config);
  const services = createServices(handle, undefined, {
    publicUrl: linkBaseUrl(config),
    taskLinkDays: config.taskLinkDays,
    secretKey: config.secretKey,
    dataDir: config.dataDir,
    httpAllow: config.httpAllow,
  });
  try {
    return await work(services, handle, config);
  } finally {
    await services.engine.stop(2000);
    await services.sandbox.close();
    await handle.close();
  }
}

/** Prints an error the way a terminal user wants it (no stack for expected errors) and exits 1. */
export function fail(error: unknown): never {
  if (isAppError(error)) {
    process.stderr.write(`error: ${error.userMessage} [${error.code}]\n`);
    const issues = (error.details as { issues?: { path: string; message: string }[] } | null)?.issues;
    for (const issue of issues ?? []) process.stderr.write(`  ${issue.path}: ${issue.message}\n`);
  } else {
    process.stderr.write(`error: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
}

/** Reads all of stdin (for --password-stdin). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** A simple fixed-width text table for list commands. */
export function printTable(rows: Record<string, string>[], columns: string[]): void {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(columns.map((c) => c.toUpperCase()))}\n`);
  for (const row of rows) process.stdout.write(`${line(columns.map((c) => row[c] ?? ''))}\n`);
}
