/** An error answered by the API: `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: { issues?: { path: string; message: string }[] } & Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = (details ?? {}) as ApiError['details'];
  }

  /** Field path → message, for showing errors next to form fields. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.details.issues ?? []) out[issue.path] ??= issue.message;
    return out;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Called when a request is answered 401 (session ended): the app sends the user to sign-in. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** Remembers the session's CSRF token; every write sends it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The body as JSON, or null when it is empty or not JSON (a proxy's HTML error page). */
function parseJson(text: string): { error?: { code?: string; message?: string; details?: unknown } } | null {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export const SESSION_PATH = '/api/v1/auth/session';

/** Calls the API; resolves with the JSON body (or null for 204), rejects with ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (an upload) sets its own multipart content type.
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
  });
  if (res.status === 204) return null as T;
  const text = await res.text();
  const json = parseJson(text);
  if (!res.ok) {
    const e = json?.error ?? {};
    // The session ended (expired, revoked, signed out elsewhere). Wrong credentials at sign-in
    // are INVALID_CREDENTIALS and are shown on the form instead.
    if (res.status === 401 && e.code === 'UNAUTHENTICATED' && path !== SESSION_PATH) onUnauthorized?.();
    throw new ApiError(res.status, e.code ?? 'INTERNAL', e.message ?? `Request failed (${res.status})`, e.details);
  }
  return json as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});
export const del = <T>(path: string) => api<T>('DELETE', path);
/** Uploads one file as `multipart/form-data` (field `file`). */
export const upload = <T>(path: string, file: File) => {
  const body = new FormData();
  body.append('file', file);
  return api<T>('POST', path, body);
};

/** Uploads one file like `upload`, reporting the share sent (0–1) as it goes: large files get a progress bar. */
export function uploadWithProgress<T>(path: string, file: File, onProgress: (share: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The upload was interrupted.', null));
    xhr.onload = () => {
      const json = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else {
        const e = json?.error ?? {};
        reject(new ApiError(xhr.status, e.code ?? 'INTERNAL', e.message ?? `Upload failed (${xhr.status})`, e.details));
      }
    };
    const body = new FormData();
    body.append('file', file);
    xhr.send(body);
  });
}
