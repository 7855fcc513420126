import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { relativeToRoot, resolveInRoot } from '../safe-path.ts';
import { defineAction } from '../sdk.ts';
import { fileNotFound, isMissing } from './file-errors.ts';
import { relativePath } from './files.schemas.ts';

/** `*.csv`, `report-??.xlsx`: * any run of characters but /, ? one character. */
function globToRegex(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`, 'i');
}

const entry = z.object({
  path: z.string().describe('Path relative to the files folder'),
  name: z.string().describe('File or folder name'),
  type: z.enum(['file', 'folder', 'other']).describe('file, folder, or other (symbolic link, socket…)'),
  size: z.number().int().describe('Size in bytes (0 for folders)'),
  modifiedAt: z.string().describe('Last change, ISO 8601'),
});

export const listFilesAction = defineAction({
  key: 'list',
  title: 'List files',
  description: 'Lists the files and folders in a folder under the files folder.',
  input: z.object({
    path: relativePath('Folder').default(''),
    recursive: z.boolean().default(false).describe('Include sub-folders'),
    pattern: z.string().max(200).optional().describe('Only names matching this pattern, e.g. *.csv (* and ? wildcards)'),
    limit: z.number().int().min(1).max(10_000).default(1000).describe('At most this many entries'),
  }),
  output: z.object({
    entries: z.array(entry).describe('Entries sorted by path'),
    truncated: z.boolean().describe('More entries exist than the limit'),
  }),
  async run(input, ctx) {
    const folder = await resolveInRoot(ctx.filesRoot, input.path);
    const match = input.pattern ? globToRegex(input.pattern) : null;
    const found: z.input<typeof entry>[] = [];
    let truncated = false;
    async function walk(dir: string): Promise<void> {
      let items: Dirent[];
      try {
        items = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        if (isMissing(error)) throw fileNotFound(input.path, 'there is no such folder');
        if ((error as { code?: string }).code === 'ENOTDIR') throw fileNotFound(input.path, 'it is a file, not a folder');
        throw error;
      }
      items.sort((a, b) => a.name.localeCompare(b.name));
      for (const item of items) {
        if (found.length >= input.limit) {
          truncated = true;
          return;
        }
        const full = path.join(dir, item.name);
        const type = item.isFile() ? 'file' : item.isDirectory() ? 'folder' : 'other';
        if (!match || match.test(item.name)) {
          const info = type === 'other' ? null : await stat(full);
          found.push({
            path: await relativeToRoot(ctx.filesRoot, full),
            name: item.name,
            type,
            size: type === 'file' ? (info?.size ?? 0) : 0,
            modifiedAt: (info?.mtime ?? new Date(0)).toISOString(),
          });
        }
        // Symbolic links are never followed, so a recursive listing cannot leave the root.
        if (input.recursive && type === 'folder') await walk(full);
      }
    }
    await walk(folder);
    return { entries: found, truncated };
  },
});
