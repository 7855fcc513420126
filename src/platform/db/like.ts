import { type RawBuilder, type SqlBool, sql } from 'kysely';

/** A `LIKE` pattern matching `text` anywhere, lower-cased, with `\ % _` escaped by `\`. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `lower(column) LIKE '%text%' ESCAPE '\'`: a case-insensitive substring match on both
 * dialects. The ESCAPE clause matters: SQLite has no default escape character, so without it
 * a search for "50%" would match everything with "50".
 */
export function containsIgnoreCase(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${containsPattern(text)} escape '\\'`;
}

/** `column LIKE 'prefix%' ESCAPE '\'`: a prefix match with wildcards escaped (case follows the dialect). */
export function startsWith(column: string, prefix: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
}
