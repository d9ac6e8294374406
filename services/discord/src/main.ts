import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { Redis } from "ioredis";
import { createDiscordConfig } from "./config.ts";
import { startDiscordBot } from "./startDiscordBot.ts";

/**
 * The Discord bot as a process of its own (`npm start --workspace services/discord`). It needs a
 * database of its own reach (DATABASE_URL: the embedded PGlite serves one process) and shares send
 * limits through REDIS_URL when set. Stops cleanly on SIGINT/SIGTERM, its alert sends drained.
 */
async function main() {
  const config = createDiscordConfig(process.env);
  const log = (message: string, extra?: object) =>
    console.log(extra ? `${message} ${JSON.stringify(extra)}` : message);
  const database = await openDatabase(createDbConfig(process.env));
  const redis = config.redisUrl ? new Redis(config.redisUrl) : undefined;
  const bot = await startDiscordBot({ config, prisma: database.prisma, redis, log }).catch(async (error) => {
    redis?.disconnect();
    await database.close();
    throw error;
  });
  console.log(`Discord bot ${bot.tag} is running; gateway ${config.gatewayUrl}.`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, async () => {
      console.log(`${signal}: stopping the Discord bot…`);
      await bot.stop();
      await redis?.quit();
      await database.close();
      process.exit(0);
    });
  }
}

main().catch((error: unknown) => {
  console.error(
    `The Discord bot could not start:\n${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
