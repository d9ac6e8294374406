import type { PrismaClient } from "@luma-pulse/db";

/** A database that has not answered `SELECT 1` in this long is reported as not answering. */
const TIMEOUT_MS = 2_000;
/**
 * A result is reused this long: balancers and compose probe every few seconds, several of them,
 * and a probe must not become a load of its own on the database.
 */
const CACHE_MS = 1_000;

/**
 * Whether the database answers, for /readyz: `SELECT 1` within 2 s, its result cached for a second,
 * and one check at a time (probes arriving meanwhile share it).
 */
export function createDatabaseCheck(prisma: Pick<PrismaClient, "$queryRaw">): () => Promise<boolean> {
  const check = async (): Promise<boolean> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), TIMEOUT_MS);
    });
    try {
      return await Promise.race([
        prisma.$queryRaw`SELECT 1`.then(
          () => true,
          () => false,
        ),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
  let cached: { at: number; answers: boolean } | undefined;
  let checking: Promise<boolean> | undefined;
  return async () => {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.answers;
    checking ??= check().then((answers) => {
      cached = { at: Date.now(), answers };
      checking = undefined;
      return answers;
    });
    return checking;
  };
}
