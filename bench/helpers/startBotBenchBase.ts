import { createDbConfig, openDatabase, type PrismaClient } from "@luma-pulse/db";
import { type ChildGateway, startChildGateway } from "./childGateway.ts";
import { createThrowawayDatabase } from "./createThrowawayDatabase.ts";

/** A log line of the bot, with when it was written. */
export type BotLogLine = { at: number; message: string; extra?: object };

/** What every bot bench runs on; `onStop` adds what the bench starts on top, stopped first. */
export type BotBenchBase = {
  prisma: PrismaClient;
  gateway: ChildGateway;
  /** What the bot logs, with when: pass `log` to the bot. */
  logs: BotLogLine[];
  log(message: string, extra?: object): void;
  onStop(cleanup: () => Promise<unknown>): void;
  /** Stops everything, last started first. */
  stop(): Promise<void>;
};

/**
 * The part of a bot bench that is the same for Telegram and Discord, as in production on one host: a
 * throwaway PostgreSQL database (BENCH_POSTGRES_URL, default the machine's) shared by the gateway and
 * the bot, and the gateway over the chain at `manifestPath` in a child process.
 */
export async function startBotBenchBase(options: {
  manifestPath: string;
  label: string;
}): Promise<BotBenchBase> {
  const serverUrl = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const throwaway = await createThrowawayDatabase(serverUrl, options.label);
  if (!throwaway) throw new Error(`no PostgreSQL answers at ${serverUrl} (set BENCH_POSTGRES_URL)`);
  const cleanups: (() => Promise<unknown>)[] = [() => throwaway.drop()];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
  };
  try {
    // Migrated here, before the gateway opens it too.
    const database = await openDatabase(createDbConfig({ DATABASE_URL: throwaway.url }));
    cleanups.push(() => database.close());
    const gateway = await startChildGateway({
      manifestPath: options.manifestPath,
      databaseUrl: throwaway.url,
    });
    cleanups.push(() => gateway.stop());
    const logs: BotLogLine[] = [];
    return {
      prisma: database.prisma,
      gateway,
      logs,
      log: (message, extra) => logs.push({ at: Date.now(), message, extra }),
      onStop: (cleanup) => cleanups.push(cleanup),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
