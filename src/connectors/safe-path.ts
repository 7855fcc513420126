import { lstat, mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../platform/errors.ts';

const refused = (given: string, why: string) =>
  new AppError('FILE_PATH_REFUSED', {
    status: 400,
    userMessage: `The path "${given}" is refused: ${why}. Paths are relative to the files folder.`,
    details: { path: given, why },
    retryable: false,
  });

const inside = (root: string, candidate: string) => candidate === root || candidate.startsWith(root + path.sep);

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * The absolute path of `relative` inside `root`, refusing anything that could leave it: absolute
 * paths, drive letters, `..` segments, NUL bytes, and symbolic links (anywhere on the way) whose
 * target lies outside the root. Creates the root when missing. `''` or `.` is the root itself.
 *
 * @example
 * const file = await resolveInRoot(ctx.filesRoot, 'invoices/2026/march.csv');
 */
export async function resolveInRoot(root: string, relative: string): Promise<string> {
  if (relative.includes('\0')) throw refused(relative, 'it contains a NUL byte');
  if (path.isAbsolute(relative) || /^[\\/]/.test(relative) || /^[a-zA-Z]:/.test(relative)) throw refused(relative, 'it is absolute');
  const segments = relative.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) throw refused(relative, 'it contains ".."');
  await mkdir(root, { recursive: true });
  const realRoot = await realpath(root);
  const target = path.join(realRoot, ...segments);
  // The deepest part of the path that exists must resolve (through any symlinks) inside the root.
  let probe = target;
  while (!(await exists(probe))) probe = path.dirname(probe);
  let real: string;
  try {
    real = await realpath(probe);
  } catch {
    throw refused(relative, 'it goes through a broken symbolic link');
  }
  if (!inside(realRoot, real)) throw refused(relative, 'a symbolic link on the way points outside the files folder');
  return target;
}

/** The path of `absolute` relative to the root, with `/` separators (as shown to users). */
export async function relativeToRoot(root: string, absolute: string): Promise<string> {
  return path
    .relative(await realpath(root), absolute)
    .split(path.sep)
    .join('/');
}
