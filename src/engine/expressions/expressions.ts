import jsonata from 'jsonata';
import { AppError } from '../../platform/errors.ts';

export interface ExpressionLimits {
  /** Wall time per evaluation, ms (JSONata checks it at every step). */
  timeoutMs?: number;
  /** Deepest evaluation stack (runaway recursion). */
  maxDepth?: number;
  /** Longest sequence an expression may build (`[1..1e9]`). */
  maxSequence?: number;
}

interface JsonataError {
  code?: string;
  position?: number;
  token?: string;
  message?: string;
}

/** Syntax problem of an expression: message and character position, for editors and validation. */
export interface ExpressionProblem {
  message: string;
  position: number | null;
}

const LIMIT_CODES = new Set(['D1011', 'D1012', 'D2014', 'D2015']);

/**
 * JSONata for transforms, conditions and mappings. Compiled expressions are cached by source
 * (compiling costs far more than evaluating small ones), and every evaluation runs under a
 * time, depth and sequence-length limit so a careless or hostile expression cannot hang or
 * exhaust a worker.
 *
 * @example
 * const expressions = createExpressionEngine();
 * const total = await expressions.evaluate('$sum(lines.(qty * price))', order);
 */
export function createExpressionEngine(options: ExpressionLimits & { cacheSize?: number } = {}) {
  const limits = { timeout: options.timeoutMs ?? 1000, stack: options.maxDepth ?? 500, sequence: options.maxSequence ?? 100_000 };
  const cacheSize = options.cacheSize ?? 1000;
  const cache = new Map<string, jsonata.Expression>();

  function compile(source: string): jsonata.Expression {
    const hit = cache.get(source);
    if (hit) {
      // Refresh recency: Map keeps insertion order, so the oldest entry is evicted first.
      cache.delete(source);
      cache.set(source, hit);
      return hit;
    }
    let compiled: jsonata.Expression;
    try {
      compiled = jsonata(source, limits as jsonata.JsonataOptions);
    } catch (error) {
      const e = error as JsonataError;
      throw new AppError('EXPRESSION_INVALID', {
        status: 400,
        userMessage: `Expression error${e.position === undefined ? '' : ` at character ${e.position}`}: ${e.message ?? String(error)}`,
        details: { source, position: e.position ?? null, code: e.code ?? null },
      });
    }
    if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
    cache.set(source, compiled);
    return compiled;
  }

  return {
    compile,

    /** The syntax problem of `source`, or null when it compiles. */
    check(source: string): ExpressionProblem | null {
      try {
        compile(source);
        return null;
      } catch (error) {
        const details = (error as AppError).details as { position: number | null };
        return { message: (error as AppError).userMessage, position: details.position };
      }
    },

    /** Evaluates `source` against `input`, with `$name` bindings. */
    async evaluate(source: string, input: unknown, bindings: Record<string, unknown> = {}): Promise<unknown> {
      const expression = compile(source);
      try {
        return await expression.evaluate(input, bindings);
      } catch (error) {
        const e = error as JsonataError;
        if (e.code && LIMIT_CODES.has(e.code)) {
          throw new AppError('EXPRESSION_LIMIT', {
            status: 400,
            userMessage: `The expression went over its limits (${e.code === 'D1012' ? `time, ${limits.timeout} ms` : e.code === 'D1011' ? `depth, ${limits.stack}` : 'sequence length'}): ${source.slice(0, 80)}`,
            details: { code: e.code },
            retryable: false,
          });
        }
        throw new AppError('EXPRESSION_FAILED', {
          status: 400,
          userMessage: `The expression failed${e.position === undefined ? '' : ` at character ${e.position}`}: ${e.message ?? String(error)}`,
          details: { code: e.code ?? null, position: e.position ?? null },
          retryable: false,
        });
      }
    },

    cacheSize: () => cache.size,
  };
}

export type ExpressionEngine = ReturnType<typeof createExpressionEngine>;
