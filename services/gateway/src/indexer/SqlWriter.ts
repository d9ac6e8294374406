/** One SQL statement and its positional parameters ($1, $2, …). */
export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * Where the indexer's chunks are written: runs statements in ONE transaction and returns each
 * one's affected-row count. Two implementations: through Prisma (any database; the embedded
 * PGlite has a single connection, which Prisma owns) and through a dedicated node-pg connection
 * (PostgreSQL: bulk inserts skip Prisma's per-parameter serialization, ~30% of a chunk's write).
 */
export interface SqlWriter {
  transaction(statements: readonly SqlStatement[]): Promise<number[]>;
  close(): Promise<void>;
}
