import { createGatewayClient } from "@luma-pulse/chat";
import { Events, type Interaction } from "discord.js";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { chatInputInteraction } from "../../../test/helpers/discord/chatInputInteraction.ts";
import {
  type DiscordApiStandIn,
  startDiscordApiStandIn,
} from "../../../test/helpers/discord/startDiscordApiStandIn.ts";
import { createProtectionConfig } from "../../gateway/src/protection/createProtectionConfig.ts";
import { setupChain } from "../../gateway/test/setupChain.ts";
import { setupDatabase } from "../../gateway/test/setupDatabase.ts";
import { startReadyGateway } from "../../gateway/test/startReadyGateway.ts";
import { createDiscordBot } from "../src/client.ts";

/** Where signing and wallet-link pages live in the tests. */
export const PUBLIC_URL = "https://pulse.example.org";
export const SERVICE_TOKEN = "discord-test-service-token-0123456789abcdef";
export const GUILD_ID = "1360000000000000001";
export const CHANNEL_ID = "1360000000000000002";

export type Chain = Awaited<ReturnType<typeof setupChain>>;
export type InteractionOptions = Omit<Parameters<typeof chatInputInteraction>[0], "applicationId">;

/**
 * A real chain (seeded by `seed`), a gateway over it with signing links and the bot's service token,
 * the bot's own database, the stand-in of Discord's HTTP API (without send limits unless
 * `discordLimits`: a test asks faster than members would) and the bot logged in to it; `interact`
 * sends the bot one slash command over the gateway and returns the calls it made and its reply.
 */
export async function setupDiscordWorld(
  seed?: (chain: Chain) => Promise<void>,
  options: { discordLimits?: boolean } = {},
) {
  const chain = await setupChain();
  await seed?.(chain);
  const gateway = await startReadyGateway(chain, {
    signing: { publicUrl: PUBLIC_URL, intentTtlSeconds: 900, serviceToken: SERVICE_TOKEN },
    protection: createProtectionConfig({ RATE_LIMIT_PER_IP: "100000" }),
  });
  const database = await setupDatabase();
  const standIn: DiscordApiStandIn = await startDiscordApiStandIn(
    options.discordLimits ? {} : { limits: false },
  );
  deferTeardown(() => standIn.close());
  const logs: { message: string; extra?: object }[] = [];
  const bot = createDiscordBot(
    { token: standIn.token, apiRoot: standIn.apiRoot },
    {
      prisma: database.prisma,
      gateway: createGatewayClient({ url: gateway.url, serviceToken: SERVICE_TOKEN }),
      log: (message, extra) => logs.push({ message, extra }),
    },
  );
  deferTeardown(() => bot.client.destroy());
  // Logged in to the stand-in's gateway: interactions arrive as Discord sends them, over the WebSocket.
  await bot.client.login(standIn.token);

  async function interact(options: InteractionOptions) {
    const payload = chatInputInteraction({ applicationId: standIn.applicationId, ...options });
    const from = standIn.calls.length;
    const received = new Promise<void>((resolve) => {
      const onInteraction = (interaction: Interaction) => {
        if (interaction.id !== payload.id) return;
        bot.client.off(Events.InteractionCreate, onInteraction);
        resolve();
      };
      bot.client.on(Events.InteractionCreate, onInteraction);
    });
    standIn.dispatchInteraction(payload);
    // The bot's own listener came first: once this one hears the interaction, it is being handled.
    await received;
    await bot.settled();
    return { payload, calls: standIn.calls.slice(from), reply: standIn.interactionReply(payload.token) };
  }
  return { chain, gateway, database, standIn, bot, interact, logs };
}
