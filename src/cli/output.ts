import { isAppError } from '../platform/errors.ts';

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
