import { open } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { resolveInRoot } from '../safe-path.ts';
import { defineAction } from '../sdk.ts';
import { fileNotFound, isMissing } from './file-errors.ts';
import { encoding, relativePath } from './files.schemas.ts';

export const readFileAction = defineAction({
  key: 'read',
  title: 'Read a file',
  description: 'Reads a file under the files folder as text or base64.',
  input: z.object({
    path: relativePath('File'),
    encoding,
    maxBytes: z
      .number()
      .int()
      .min(1)
      .max(100 * 1024 * 1024)
      .default(10 * 1024 * 1024)
      .describe('Refuse files larger than this many bytes'),
  }),
  output: z.object({
    path: z.string().describe('The file read'),
    content: z.string().describe('The content, as text or base64'),
    encoding: z.enum(['text', 'base64']).describe('How content is encoded'),
    size: z.number().int().describe('Size in bytes'),
  }),
  async run(input, ctx) {
    const file = await resolveInRoot(ctx.filesRoot, input.path);
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if (isMissing(error)) throw fileNotFound(input.path);
      throw error;
    }
    try {
      const info = await handle.stat();
      if (info.isDirectory()) throw fileNotFound(input.path, 'it is a folder, not a file');
      if (info.size > input.maxBytes) {
        throw new AppError('BAD_REQUEST', {
          status: 400,
          userMessage: `"${input.path}" has ${info.size} bytes, more than the limit of ${input.maxBytes}.`,
          details: { path: input.path, size: info.size, maxBytes: input.maxBytes },
          retryable: false,
        });
      }
      const data = await handle.readFile();
      return {
        path: input.path,
        content: input.encoding === 'base64' ? data.toString('base64') : data.toString('utf8'),
        encoding: input.encoding,
        size: data.length,
      };
    } finally {
      await handle.close();
    }
  },
});
