import { lstat, mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { resolveInRoot } from '../safe-path.ts';
import { defineAction } from '../sdk.ts';
import { fileExists, fileNotFound, isMissing } from './file-errors.ts';
import { relativePath } from './files.schemas.ts';

const present = async (p: string) =>
  lstat(p).then(
    () => true,
    (error) => {
      if (isMissing(error)) return false;
      throw error;
    },
  );

export const moveFileAction = defineAction({
  key: 'move',
  title: 'Move or rename a file',
  description: 'Moves a file or folder to another path under the files folder.',
  input: z.object({
    from: relativePath('Current path'),
    to: relativePath('New path'),
    overwrite: z.boolean().default(false).describe('Replace a file at the new path (else FILE_EXISTS)'),
    createFolders: z.boolean().default(true).describe('Create missing folders on the way'),
  }),
  output: z.object({
    from: z.string().describe('The old path'),
    to: z.string().describe('The new path'),
    alreadyMoved: z.boolean().describe('The source was gone and the target existed: a retry of a move that had already happened'),
  }),
  async run(input, ctx) {
    const from = await resolveInRoot(ctx.filesRoot, input.from);
    const to = await resolveInRoot(ctx.filesRoot, input.to);
    if (from === (await resolveInRoot(ctx.filesRoot, ''))) throw fileNotFound(input.from, 'the files folder itself cannot be moved');
    const [hasFrom, hasTo] = await Promise.all([present(from), present(to)]);
    if (!hasFrom) {
      if (hasTo) return { from: input.from, to: input.to, alreadyMoved: true };
      throw fileNotFound(input.from);
    }
    if (hasTo && !input.overwrite) throw fileExists(input.to);
    if (input.createFolders) await mkdir(path.dirname(to), { recursive: true });
    try {
      await rename(from, to);
    } catch (error) {
      if (isMissing(error)) throw fileNotFound(input.to, 'its folder does not exist (allow creating folders)');
      throw error;
    }
    return { from: input.from, to: input.to, alreadyMoved: false };
  },
});
