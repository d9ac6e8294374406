import type { TableSpec } from "./eventTables.ts";

/** One INSERT statement and its parameters: one array per column. */
export interface UnnestInsert {
  sql: string;
  params: unknown[];
}

/**
 * `INSERT … SELECT … FROM unnest($1::t1[], $2::t2[], …) ON CONFLICT DO NOTHING` for `rows`: one
 * statement and one parameter per column whatever the row count (no 65,535-parameter ceiling, one
 * plan), and a row already written is skipped, so the affected-row count is the rows inserted.
 * Values go as text (bigint, Date as ISO-8601 UTC), so no amount ever passes through a JS number.
 */
export function unnestInsert<Row>(spec: TableSpec<Row>, rows: readonly Row[]): UnnestInsert {
  const names = Object.keys(spec.columns) as (keyof Row & string)[];
  const columns = names.map((name) => `"${name}"`).join(", ");
  const arrays = names.map((name, i) => `$${i + 1}::${spec.columns[name]}[]`).join(", ");
  const sql = `INSERT INTO "${spec.table}" (${columns}) SELECT * FROM unnest(${arrays}) ON CONFLICT DO NOTHING`;
  const params = names.map((name) => rows.map((row) => toParam(row[name])));
  return { sql, params };
}

function toParam(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`Cannot write a ${typeof value} column value.`);
}
