import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileExists, fileNotFound, isMissing } from './file-errors.ts';

/**
 * Writes `data` to `file` atomically (a temporary file in the same folder, then a rename), so a
 * crash never leaves half a file. `shown` is the user's path, for messages.
 */
export async function writeFileAtomic(
  file: string,
  data: Buffer,
  options: { shown: string; overwrite: boolean; createFolders: boolean },
): Promise<void> {
  const dir = path.dirname(file);
  if (options.createFolders) await mkdir(dir, { recursive: true });
  if (!options.overwrite) {
    try {
      await lstat(file);
      throw fileExists(options.shown);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    if (isMissing(error)) throw fileNotFound(options.shown, 'its folder does not exist (allow creating folders)');
    throw error;
  }
}
