import { abortable } from '../abortable.ts';
import { defineAction, requireCredential } from '../sdk.ts';
import { pgPool } from './pg-pools.ts';
import { postgresCredential } from './postgres.credential.ts';
import { jsonRow, queryInput, queryOutput } from './sql.schemas.ts';
import { sqlError } from './sql-errors.ts';

export const postgresQueryAction = defineAction({
  key: 'postgres_query',
  title: 'PostgreSQL query',
  description: 'Runs one SQL statement with $1, $2… parameters on a PostgreSQL database, read-only unless told otherwise.',
  credential: { type: postgresCredential.key, required: true },
  input: queryInput('$1, $2, …'),
  output: queryOutput,
  async run(input, ctx) {
    const { url } = requireCredential(ctx, postgresCredential);
    const params = input.params.map((p) => (p !== null && typeof p === 'object' ? JSON.stringify(p) : p));
    const work = async () => {
      const client = await pgPool(url).connect();
      try {
        await client.query(input.readOnly ? 'BEGIN READ ONLY' : 'BEGIN');
        await client.query(`SET LOCAL statement_timeout = ${Math.floor(input.timeoutMs)}`);
        const result = await client.query({ text: input.query, values: params });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    };
    let result: Awaited<ReturnType<typeof work>>;
    try {
      result = await abortable(work(), ctx.signal);
    } catch (error) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      throw sqlError(error, 'PostgreSQL');
    }
    const rows = result.rows as Record<string, unknown>[];
    const returnsRows = Array.isArray(result.fields) && result.fields.length > 0;
    return {
      rows: rows.slice(0, input.maxRows).map(jsonRow),
      columns: (result.fields ?? []).map((f) => f.name),
      rowCount: returnsRows ? Math.min(rows.length, input.maxRows) : (result.rowCount ?? 0),
      truncated: rows.length > input.maxRows,
    };
  },
});
