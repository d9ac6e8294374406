import pg from "pg";

/** First key of the advisory lock: "LUMA" in ASCII, so other advisory locks on the database do not collide. */
const LOCK_NAMESPACE = 0x4c554d41;

/** The indexer's leadership of one chain on one database, held by a connection of its own. */
export interface IndexerLock {
  /** Unlocks and closes the connection. Safe to call twice. */
  release(): Promise<void>;
}

/**
 * Tries to become the one indexer of `chainId` on the PostgreSQL database at `databaseUrl`
 * (`pg_try_advisory_lock`), so gateway replicas can all run an indexer and only one writes. The lock
 * is a session lock, so it lives on a dedicated connection, not on Prisma's pool (which may close or
 * swap connections and would drop it). If that connection dies, PostgreSQL drops the lock and
 * `onLost` runs: the caller must stop indexing, because another replica may take over at once.
 *
 * @returns the lock, or undefined when another process holds it
 */
export async function tryIndexerLock(
  databaseUrl: string,
  chainId: number,
  onLost: (error: Error) => void,
): Promise<IndexerLock | undefined> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: 5_000,
    // The lock lives as long as PostgreSQL believes this session does. Were this host to die (power,
    // network cut), an idle connection would look alive for the kernel's default ~2 h, and no replica
    // could index meanwhile; TCP keepalive probes let PostgreSQL drop it, and the lock, in minutes.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  let released = false;
  const lost = (error: Error) => {
    if (!released) onLost(error);
  };
  client.on("error", lost);
  client.on("end", () => lost(new Error("The indexer lock's database connection closed.")));
  try {
    await client.connect();
    const result = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [
      LOCK_NAMESPACE,
      chainId,
    ]);
    if (result.rows[0]?.locked) {
      let releasing: Promise<void> | undefined;
      return {
        release: () => {
          releasing ??= close(client, () => {
            released = true;
          });
          return releasing;
        },
      };
    }
  } catch (error) {
    released = true;
    await client.end().catch(() => undefined);
    throw error;
  }
  released = true;
  await client.end();
  return undefined;
}

/**
 * Closing the session is what releases a session lock; the explicit unlock just makes it immediate.
 * A connection that already died has nothing left to unlock, so its errors are not the caller's.
 */
async function close(client: pg.Client, markReleased: () => void): Promise<void> {
  markReleased();
  await client.query("SELECT pg_advisory_unlock_all()").catch(() => undefined);
  await client.end().catch(() => undefined);
}
