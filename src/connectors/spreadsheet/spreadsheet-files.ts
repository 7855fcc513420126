import { readFile } from 'node:fs/promises';
import { fileNotFound, isMissing } from '../files/file-errors.ts';
import { writeFileAtomic } from '../files/write-file.ts';
import { resolveInRoot } from '../safe-path.ts';

/** The bytes of a file under the files folder (FILE_NOT_FOUND, FILE_PATH_REFUSED). */
export async function readFileBytes(root: string, relative: string): Promise<Buffer> {
  const file = await resolveInRoot(root, relative);
  try {
    return await readFile(file);
  } catch (error) {
    if (isMissing(error)) throw fileNotFound(relative);
    throw error;
  }
}

/** Saves bytes under the files folder, atomically. */
export async function saveFileBytes(root: string, relative: string, data: Buffer, overwrite: boolean): Promise<void> {
  const file = await resolveInRoot(root, relative);
  await writeFileAtomic(file, data, { shown: relative, overwrite, createFolders: true });
}
