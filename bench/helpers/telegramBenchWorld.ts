import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { type RunningTelegramBot, startTelegramBot } from "../../services/telegram/src/startTelegramBot.ts";
import { type BotApiStandIn, startBotApiStandIn } from "../../test/helpers/telegram/startBotApiStandIn.ts";
import { startChildGateway } from "./childGateway.ts";
import { createThrowawayDatabase } from "./createThrowawayDatabase.ts";

/** A log line of the bot, with when it was written. */
export type BotLogLine = { at: number; message: string; extra?: object };

/**
 * Everything the Telegram benches run against, as in production on one host: a throwaway
 * PostgreSQL database (BENCH_POSTGRES_URL, default the machine's) shared by the gateway and the
 * bot, the gateway over the chain at `manifestPath` in a child process, and the Bot API stand-in
 * with Telegram's default limits in this process. `startBot()` starts the whole bot on them (long
 * polling, the burn subscription, the delivery worker); `logs` collects what it logs.
 */
export async function startTelegramBenchWorld(options: { manifestPath: string; label: string }) {
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
    const standIn: BotApiStandIn = await startBotApiStandIn();
    cleanups.push(() => standIn.close());
    const logs: BotLogLine[] = [];
    let bot: RunningTelegramBot | undefined;
    return {
      prisma: database.prisma,
      gateway,
      standIn,
      logs,
      async startBot() {
        bot = await startTelegramBot({
          config: { token: standIn.token, apiRoot: standIn.apiRoot, gatewayUrl: gateway.url },
          prisma: database.prisma,
          log: (message, extra) => logs.push({ at: Date.now(), message, extra }),
        });
        cleanups.push(() => bot?.stop() ?? Promise.resolve());
        return bot;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
