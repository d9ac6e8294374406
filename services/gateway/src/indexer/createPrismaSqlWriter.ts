import type { PrismaClient } from "@luma-pulse/db";
import type { SqlWriter } from "./SqlWriter.ts";

/**
 * Writes through Prisma: a batch transaction (not an interactive one, so nothing holds PGlite's
 * single connection between statements).
 */
export function createPrismaSqlWriter(prisma: PrismaClient): SqlWriter {
  return {
    async transaction(statements) {
      const counts = await prisma.$transaction(
        statements.map((statement) => prisma.$executeRawUnsafe(statement.sql, ...statement.params)),
      );
      return counts.map(Number);
    },
    async close() {},
  };
}
