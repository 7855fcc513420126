import { ApiError } from './client.ts';
import type { FileValue } from './formTypes.ts';

/**
 * Uploads one file as multipart/form-data (public form and task file fields) and resolves
 * with the value the file field then holds. Rejects with ApiError (FILE_TOO_LARGE, …).
 */
export async function uploadFile(path: string, file: File, csrfToken?: string | null): Promise<FileValue> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, { method: 'POST', body, headers, credentials: 'same-origin' });
  const text = await res.text();
  let json: { error?: { code?: string; message?: string; details?: unknown } } | null = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {}
  if (!res.ok) {
    const e = json?.error ?? {};
    throw new ApiError(res.status, e.code ?? 'INTERNAL', e.message ?? `Upload failed (${res.status})`, e.details);
  }
  return json as unknown as FileValue;
}
