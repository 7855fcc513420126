import { z } from 'zod';
import { resolveInRoot } from '../safe-path.ts';
import { defineAction } from '../sdk.ts';
import { encoding, relativePath } from './files.schemas.ts';
import { writeFileAtomic } from './write-file.ts';

export const writeFileAction = defineAction({
  key: 'write',
  title: 'Write a file',
  description: 'Writes text or base64 content to a file under the files folder (atomically: never half a file).',
  input: z.object({
    path: relativePath('File'),
    content: z.string().max(100_000_000).describe('The content, as text or base64'),
    encoding,
    overwrite: z.boolean().default(true).describe('Replace the file when it exists (else FILE_EXISTS)'),
    createFolders: z.boolean().default(true).describe('Create missing folders on the way'),
  }),
  output: z.object({
    path: z.string().describe('The file written'),
    size: z.number().int().describe('Bytes written'),
  }),
  async run(input, ctx) {
    const file = await resolveInRoot(ctx.filesRoot, input.path);
    const data = Buffer.from(input.content, input.encoding === 'base64' ? 'base64' : 'utf8');
    await writeFileAtomic(file, data, { shown: input.path, overwrite: input.overwrite, createFolders: input.createFolders });
    return { path: input.path, size: data.length };
  },
});
