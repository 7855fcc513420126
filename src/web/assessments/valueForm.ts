/** Helpers of the assessment form: nested updates by path and the server's field errors by path. */

/** A copy of `obj` with the value at `path` replaced (undefined removes it). */
export function setIn<T extends object>(obj: T, path: readonly string[], value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return obj;
  const copy: Record<string, unknown> = { ...(obj as Record<string, unknown>) };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
  } else copy[head] = setIn((copy[head] as object | undefined) ?? {}, rest, value);
  return copy as T;
}

/** The value at `path`, or undefined. */
export function getIn(obj: unknown, path: readonly string[]): unknown {
  let at = obj;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** The error of a field or of any of its parts (`input.cost.buildHours` also takes `input.cost.buildHours.low`). */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const part = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return part ? `${part.slice(path.length + 1)}: ${errors[part]}` : undefined;
}
