import { z } from 'zod';

/** A path relative to the files folder; `..`, absolute paths and escaping symlinks are refused. */
export const relativePath = (what: string) =>
  z.string().max(1024).describe(`${what}, relative to the files folder (e.g. invoices/2026/march.csv)`);

export const encoding = z.enum(['text', 'base64']).default('text').describe('text (UTF-8) or base64 (binary files)');
