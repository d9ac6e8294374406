import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { Redis } from "ioredis";
import { createTelegramConfig } from "./config.ts";
import { startTelegramBot } from "./startTelegramBot.ts";

/**
 * The Telegram bot as a process of its own (`npm run telegram`; `npm start` runs it in-process with
 * the gateway instead). It needs a database of its own reach: DATABASE_URL, since the embedded
 * PGlite serves one process. Stops cleanly on SIGINT/SIGTERM, the updates being handled finished and
 * its alert sends in flight drained; exits 1, stopped as cleanly, when Telegram refuses long polling
 * for good (another process polls with the token, or it was revoked).
 */
async function main() {
  const config = createTelegramConfig(process.env);
  const log = (message: string, extra?: object) =>
    console.log(extra ? `${message} ${JSON.stringify(extra)}` : message);
  const database = await openDatabase(createDbConfig(process.env));
  const redis = config.redisUrl ? new Redis(config.redisUrl) : undefined;
  let fatal = (_reason: string) => {};
  const fatalReason = new Promise<string>((resolve) => {
    fatal = resolve;
  });
  const bot = await startTelegramBot({
    config,
    prisma: database.prisma,
    redis,
    log,
    onFatal: (_error, reason) => fatal(reason),
  }).catch(async (error) => {
    redis?.disconnect();
    await database.close();
    throw error;
  });
  const mode = config.webhook ? `webhook ${config.webhook.url} (port ${bot.webhookPort})` : "long polling";
  console.log(`Telegram bot @${bot.username} is running (${mode}); gateway ${config.gatewayUrl}.`);
  let stopping: Promise<never> | undefined;
  const stop = (code: number) => {
    stopping ??= (async () => {
      await bot.stop();
      await redis?.quit();
      await database.close();
      process.exit(code);
    })();
    return stopping;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`${signal}: stopping the Telegram bot…`);
      void stop(0);
    });
  }
  void fatalReason.then((reason) => {
    console.error(reason);
    return stop(1);
  });
}

main().catch((error: unknown) => {
  console.error(
    `The Telegram bot could not start:\n${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
