import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, request as undiciRequest } from 'undici';
import { AppError } from '../errors.ts';
import { type AddressPolicy, createAddressPolicy } from './address-policy.ts';

export interface GuardedClientOptions {
  /** CIDR ranges or host names that may be reached although private (SSRF allowlist). */
  allow?: readonly string[];
  /** Whole-request deadline per attempt, ms (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt for 429 and (idempotent) 5xx / network errors (default 2). */
  maxRetries?: number;
  /** A Retry-After longer than this is not waited for; the response is returned (default 60 s). */
  maxRetryAfterMs?: number;
  /** Back-off base when the server gives no Retry-After (default 500 ms, doubled per retry, full jitter). */
  backoffMs?: number;
  /** Largest response body read, bytes (default 10 MiB). */
  maxResponseBytes?: number;
  maxRedirects?: number;
  /** Injected for tests: waiting between attempts, and the jitter source. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface HttpRequest {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The final URL after redirects. */
  url: string;
  attempts: number;
  text(): string;
  json<T = unknown>(): T;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

function blocked(target: string, why: string): AppError {
  return new AppError('HTTP_DESTINATION_BLOCKED', {
    status: 400,
    userMessage: `Outbound request to ${target} refused: ${why}. An administrator can allow it (SYMBIONT_HTTP_ALLOW).`,
    details: { target, why },
    retryable: false,
  });
}

/** dns.lookup that refuses names resolving to any blocked address (checked at connect time, so DNS rebinding cannot slip past). */
function guardedLookup(policy: AddressPolicy) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number },
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (!policy.hostAllowed(hostname)) {
        for (const a of addresses) {
          const why = policy.refuse(a.address);
          if (why) return callback(blocked(hostname, why), []);
        }
      }
      const first = addresses[0];
      if (options.all) return callback(null, addresses);
      return callback(null, first?.address ?? '', first?.family);
    });
  };
}

/** Retry-After as milliseconds (seconds or an HTTP date), or null. */
export function retryAfterMs(value: string | string[] | undefined, now: number): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * The one HTTP client for outbound requests from connectors and modules. Private, loopback,
 * link-local and reserved destinations are refused unless allowlisted (also after redirects
 * and DNS resolution); every attempt has a deadline; 429 is retried, and 5xx and network
 * errors are retried for idempotent requests (or ones with an Idempotency-Key), honouring
 * Retry-After; bodies are read up to a size limit.
 *
 * @example
 * const http = createGuardedHttpClient({ allow: ['10.20.0.0/16'] });
 * const res = await http.request({ url: 'https://api.example.com/orders', signal });
 * const orders = res.json<Order[]>();
 */
export function createGuardedHttpClient(options: GuardedClientOptions = {}) {
  const policy = createAddressPolicy(options.allow ?? []);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 2;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const backoffMs = options.backoffMs ?? 500;
  const maxBytes = options.maxResponseBytes ?? 10 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const agent = new Agent({ connect: { lookup: guardedLookup(policy) as never }, keepAliveTimeout: 10_000 });

  /** Checks a URL before connecting: scheme, and IP literals (which never reach the lookup). */
  function checkUrl(url: URL): void {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw blocked(url.toString(), `the ${url.protocol} scheme is not allowed`);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !policy.hostAllowed(host)) {
      const why = policy.refuse(host);
      if (why) throw blocked(url.host, why);
    }
  }

  async function readBody(body: AsyncIterable<Buffer>, url: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > maxBytes) {
        throw new AppError('HTTP_RESPONSE_TOO_LARGE', {
          status: 502,
          userMessage: `The response from ${url} is larger than ${maxBytes} bytes.`,
          retryable: false,
        });
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  /** One attempt, following redirects (each hop checked again). */
  async function attempt(req: HttpRequest, signal: AbortSignal): Promise<Omit<HttpResponse, 'attempts' | 'text' | 'json'>> {
    let url = new URL(req.url);
    let method = (req.method ?? 'GET').toUpperCase();
    let body = req.body;
    for (let hop = 0; ; hop++) {
      checkUrl(url);
      const res = await undiciRequest(url, { method: method as 'GET', headers: req.headers, body, signal, dispatcher: agent });
      const location = res.headers.location;
      if ([301, 302, 303, 307, 308].includes(res.statusCode) && typeof location === 'string' && hop < maxRedirects) {
        await res.body.dump();
        url = new URL(location, url);
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      return { status: res.statusCode, headers: res.headers, body: await readBody(res.body, url.toString()), url: url.toString() };
    }
  }

  return {
    async request(req: HttpRequest): Promise<HttpResponse> {
      const method = (req.method ?? 'GET').toUpperCase();
      const mayRepeat = IDEMPOTENT.has(method) || Object.keys(req.headers ?? {}).some((h) => h.toLowerCase() === 'idempotency-key');
      for (let n = 0; ; n++) {
        const deadline = AbortSignal.timeout(req.timeoutMs ?? timeoutMs);
        const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
        let result: Awaited<ReturnType<typeof attempt>> | null = null;
        let failure: unknown = null;
        try {
          result = await attempt(req, signal);
        } catch (error) {
          if ((error as { code?: string }).code === 'HTTP_DESTINATION_BLOCKED' || (error as Error)?.cause instanceof AppError) {
            throw (error as Error & { cause?: unknown }).cause instanceof AppError ? (error as { cause: AppError }).cause : error;
          }
          if ((error as { code?: string }).code === 'HTTP_RESPONSE_TOO_LARGE') throw error;
          if (req.signal?.aborted) throw req.signal.reason;
          if (deadline.aborted) {
            failure = new AppError('HTTP_TIMEOUT', {
              status: 504,
              userMessage: `${method} ${req.url} took longer than ${req.timeoutMs ?? timeoutMs} ms.`,
              retryable: true,
              cause: error,
            });
          } else {
            failure = new AppError('HTTP_REQUEST_FAILED', {
              status: 502,
              userMessage: `${method} ${req.url} failed: ${(error as Error).message}`,
              retryable: true,
              cause: error,
            });
          }
        }
        const status = result?.status ?? 0;
        const retryableStatus = status === 429 || (status >= 500 && mayRepeat);
        const canRetry = n < maxRetries && (result ? retryableStatus : mayRepeat);
        if (!canRetry) {
          if (failure) throw failure;
          const r = result as NonNullable<typeof result>;
          return { ...r, attempts: n + 1, text: () => r.body.toString('utf8'), json: <T>() => JSON.parse(r.body.toString('utf8')) as T };
        }
        const hinted = result ? retryAfterMs(result.headers['retry-after'], Date.now()) : null;
        if (hinted !== null && hinted > maxRetryAfterMs) {
          const r = result as NonNullable<typeof result>;
          return { ...r, attempts: n + 1, text: () => r.body.toString('utf8'), json: <T>() => JSON.parse(r.body.toString('utf8')) as T };
        }
        await sleep(hinted ?? Math.floor(random() * backoffMs * 2 ** n), req.signal);
      }
    },
    close: () => agent.close(),
  };
}

export type GuardedHttpClient = ReturnType<typeof createGuardedHttpClient>;
