import { AppError } from '../../platform/errors.ts';
import type { HttpResponse } from '../../platform/http-client/guarded-client.ts';

export type ResponseFormat = 'auto' | 'json' | 'text' | 'base64';

const TEXTUAL = /^(text\/|application\/(xml|javascript|x-www-form-urlencoded)|[^;]*\+xml)/i;
const JSONISH = /^application\/([\w.-]+\+)?json|^[^;]*\+json/i;

/** Response headers as plain strings (repeated headers joined with ", "). */
export function flatHeaders(headers: HttpResponse['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/**
 * The body in the requested format. `auto`: JSON for JSON content types (text when it does not
 * parse), text for textual types, base64 for anything else; an empty body is null.
 */
export function decodeBody(res: Pick<HttpResponse, 'body' | 'headers'>, format: ResponseFormat): unknown {
  const type = String(res.headers['content-type'] ?? '');
  if (res.body.length === 0 && format !== 'text' && format !== 'base64') return null;
  if (format === 'base64') return res.body.toString('base64');
  const text = res.body.toString('utf8');
  if (format === 'text') return text;
  if (format === 'json' || JSONISH.test(type)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      if (format === 'auto') return text;
      throw new AppError('CONNECTOR_FAILED', {
        status: 502,
        userMessage: `The response is not valid JSON (content type "${type || 'none'}"); choose the text format.`,
        details: { contentType: type, excerpt: text.slice(0, 200) },
        retryable: false,
        cause: error,
      });
    }
  }
  if (!type || TEXTUAL.test(type)) return text;
  return res.body.toString('base64');
}
