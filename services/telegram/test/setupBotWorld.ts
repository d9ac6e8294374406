import { createGatewayClient } from "@luma-pulse/chat";
import type { Update } from "grammy/types";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { type BotApiStandIn, startBotApiStandIn } from "../../../test/helpers/telegram/startBotApiStandIn.ts";
import { createProtectionConfig } from "../../gateway/src/protection/createProtectionConfig.ts";
import { setupChain } from "../../gateway/test/setupChain.ts";
import { setupDatabase } from "../../gateway/test/setupDatabase.ts";
import { startReadyGateway } from "../../gateway/test/startReadyGateway.ts";
import { createBot } from "../src/bot.ts";
import { buttonsOf, messageText } from "./messageText.ts";

/** Where signing and wallet-link pages live in the tests (Telegram accepts https buttons only). */
export const PUBLIC_URL = "https://pulse.example.org";
export const SERVICE_TOKEN = "telegram-test-service-token-0123456789abcdef";

export type Chain = Awaited<ReturnType<typeof setupChain>>;

/** What the bot did with one update: the Bot API calls, and what a member reads and can press. */
export type BotAnswer = {
  calls: BotApiStandIn["calls"];
  text: string;
  buttons: { label: string; url: string }[];
};

/**
 * A real chain (seeded by `seed`), a gateway over it with signing links and the bots' service token,
 * the bot's own database, the Bot API stand-in (without send limits: a test asks faster than a
 * member would) and the bot on it; `send` hands the bot one update and returns what it answered.
 * Everything stops after the file's tests.
 */
export async function setupBotWorld(seed?: (chain: Chain) => Promise<void>) {
  const chain = await setupChain();
  await seed?.(chain);
  const gateway = await startReadyGateway(chain, {
    signing: { publicUrl: PUBLIC_URL, intentTtlSeconds: 900, serviceToken: SERVICE_TOKEN },
    protection: createProtectionConfig({ RATE_LIMIT_PER_IP: "100000" }),
  });
  const database = await setupDatabase();
  const standIn = await startBotApiStandIn({ limits: false });
  deferTeardown(() => standIn.close());
  const logs: { message: string; extra?: object }[] = [];
  const bot = createBot(
    { token: standIn.token, apiRoot: standIn.apiRoot },
    {
      prisma: database.prisma,
      gateway: createGatewayClient({ url: gateway.url, serviceToken: SERVICE_TOKEN }),
      log: (message, extra) => logs.push({ message, extra }),
    },
  );
  await bot.init();

  async function send(update: Update): Promise<BotAnswer> {
    const from = standIn.calls.length;
    await bot.handleUpdate(update);
    const calls = standIn.calls.slice(from);
    return { calls, text: messageText(calls), buttons: buttonsOf(calls) };
  }
  return { chain, gateway, database, standIn, bot, send, logs };
}
