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

const SIMPLE_PATH = /^\s*(\$?)([A-Za-z_][A-Za-z0-9_]*)((?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*)\s*$/;
const KEYWORDS = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);

/** A plain field path such as `order.customer` or `$nodes.total.output`: its parts, else null. */
export function simplePath(source: string): { variable: boolean; parts: string[] } | null {
  const m = SIMPLE_PATH.exec(source);
  if (!m?.[2]) return null;
  const parts = [
    m[2],
    ...(m[3] ?? '')
      .split('.')
      .map((p) => p.trim())
      .filter(Boolean),
  ];
  if (parts.some((p) => KEYWORDS.has(p))) return null;
  return { variable: m[1] === '$', parts };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** Marks a path that a property walk cannot answer exactly as JSONata would. */
const UNSURE = Symbol('unsure');

/**
 * A field path walked over plain objects gives what JSONata gives (the value as it is, arrays
 * included); through an array, a null or a missing binding, JSONata's own rules apply.
 */
function walk(path: { variable: boolean; parts: string[] }, input: unknown, bindings: Record<string, unknown>): unknown {
  let i = 0;
  let current: unknown;
  if (path.variable) {
    if (!Object.hasOwn(bindings, path.parts[0] as string)) return UNSURE;
    current = bindings[path.parts[0] as string];
    i = 1;
  } else current = input;
  for (; i < path.parts.length; i++) {
    if (current === undefined) return undefined;
    if (!isPlainObject(current)) return UNSURE;
    current = Object.hasOwn(current, path.parts[i] as string) ? current[path.parts[i] as string] : undefined;
  }
  return current;
}

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
  interface Compiled {
    expression: jsonata.Expression;
    path: { variable: boolean; parts: string[] } | null;
    used: number;
  }
  const cache = new Map<string, Compiled>();
  let uses = 0;

  function compiled(source: string): Compiled {
    const hit = cache.get(source);
    if (hit) {
      hit.used = ++uses;
      return hit;
    }
    let expression: jsonata.Expression;
    try {
      expression = jsonata(source, limits as jsonata.JsonataOptions);
    } catch (error) {
      const e = error as JsonataError;
      throw new AppError('EXPRESSION_INVALID', {
        status: 400,
        userMessage: `Expression error${e.position === undefined ? '' : ` at character ${e.position}`}: ${e.message ?? String(error)}`,
        details: { source, position: e.position ?? null, code: e.code ?? null },
      });
    }
    if (cache.size >= cacheSize) {
      // Evict the least recently used (a scan, only when a full cache misses).
      let oldest: string | undefined;
      let oldestUse = Number.POSITIVE_INFINITY;
      for (const [key, entry] of cache) {
        if (entry.used < oldestUse) {
          oldestUse = entry.used;
          oldest = key;
        }
      }
      if (oldest !== undefined) cache.delete(oldest);
    }
    const entry = { expression, path: simplePath(source), used: ++uses };
    cache.set(source, entry);
    return entry;
  }

  function compile(source: string): jsonata.Expression {
    return compiled(source).expression;
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
      const entry = compiled(source);
      if (entry.path) {
        const value = walk(entry.path, input, bindings);
        if (value !== UNSURE) return value;
      }
      try {
        return await entry.expression.evaluate(input, bindings);
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
