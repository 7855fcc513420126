import { lstat, rm, rmdir, unlink } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { resolveInRoot } from '../safe-path.ts';
import { defineAction } from '../sdk.ts';
import { fileNotFound, isMissing } from './file-errors.ts';
import { relativePath } from './files.schemas.ts';

export const deleteFileAction = defineAction({
  key: 'delete',
  title: 'Delete a file',
  description: 'Deletes a file, or a folder (empty, or with everything in it when recursive).',
  input: z.object({
    path: relativePath('File or folder'),
    recursive: z.boolean().default(false).describe('Delete a folder with everything in it'),
    missingOk: z.boolean().default(true).describe('Succeed when there is nothing to delete (safe to retry)'),
  }),
  output: z.object({
    path: z.string().describe('The path'),
    deleted: z.boolean().describe('Something was deleted (false when it was already gone)'),
  }),
  async run(input, ctx) {
    const target = await resolveInRoot(ctx.filesRoot, input.path);
    if (target === (await resolveInRoot(ctx.filesRoot, ''))) throw fileNotFound(input.path, 'the files folder itself cannot be deleted');
    let info: Awaited<ReturnType<typeof lstat>>;
    try {
      info = await lstat(target);
    } catch (error) {
      if (!isMissing(error)) throw error;
      if (input.missingOk) return { path: input.path, deleted: false };
      throw fileNotFound(input.path);
    }
    if (!info.isDirectory()) await unlink(target);
    else if (input.recursive) await rm(target, { recursive: true });
    else {
      try {
        await rmdir(target);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOTEMPTY') throw error;
        throw new AppError('BAD_REQUEST', {
          status: 400,
          userMessage: `The folder "${input.path}" is not empty; delete recursively to remove it with its content.`,
          details: { path: input.path },
          retryable: false,
        });
      }
    }
    return { path: input.path, deleted: true };
  },
});
