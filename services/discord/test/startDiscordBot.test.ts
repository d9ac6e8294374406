import { createGatewayClient } from "@luma-pulse/chat";
import { GatewayIntentBits } from "discord.js";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import {
  chatInputInteraction,
  MODERATOR_PERMISSIONS,
} from "../../../test/helpers/discord/chatInputInteraction.ts";
import {
  type DiscordApiStandIn,
  startDiscordApiStandIn,
} from "../../../test/helpers/discord/startDiscordApiStandIn.ts";
import { createProtectionConfig } from "../../gateway/src/protection/createProtectionConfig.ts";
import type { RunningGateway } from "../../gateway/src/startGateway.ts";
import { setupChain } from "../../gateway/test/setupChain.ts";
import { setupDatabase } from "../../gateway/test/setupDatabase.ts";
import { startReadyGateway } from "../../gateway/test/startReadyGateway.ts";
import type { DiscordConfig } from "../src/config.ts";
import { type RunningDiscordBot, startDiscordBot } from "../src/startDiscordBot.ts";
import { embedText } from "./embedText.ts";
import { CHANNEL_ID, GUILD_ID, PUBLIC_URL, SERVICE_TOKEN } from "./setupDiscordWorld.ts";

const e18 = (value: string) => parseUnits(value, 18);
const ALERTS_CHANNEL = "1410000000000000001";

async function waitFor<T>(find: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("startDiscordBot", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let gateway: RunningGateway;
  let standIn: DiscordApiStandIn;
  let running: RunningDiscordBot | undefined;
  const logs: string[] = [];

  /** A member runs a command: Discord sends it over the gateway; resolves with the reply once edited in. */
  async function run(options: Omit<Parameters<typeof chatInputInteraction>[0], "applicationId">) {
    const payload = chatInputInteraction({ applicationId: standIn.applicationId, ...options });
    standIn.dispatchInteraction(payload);
    return waitFor(() => {
      const reply = standIn.interactionReply(payload.token);
      return reply && reply.edits > 0 ? reply : undefined;
    });
  }

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, manifest } = chain;
    await actors.optionStake(members.alice, e18("100000"));
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
    await actors.buySora(members.alice, e18("0.05"));
    await actors.sellSora(
      members.alice,
      (await actors.read.balance(manifest.contracts.sora, members.alice)) / 8n,
    );
    gateway = await startReadyGateway(chain, {
      signing: { publicUrl: PUBLIC_URL, intentTtlSeconds: 900, serviceToken: SERVICE_TOKEN },
      protection: createProtectionConfig({ RATE_LIMIT_PER_IP: "100000" }),
    });
    const database = await setupDatabase();
    standIn = await startDiscordApiStandIn();
    deferTeardown(() => standIn.close());
    const config: DiscordConfig = {
      token: standIn.token,
      applicationId: standIn.applicationId,
      gatewayUrl: gateway.url,
      gatewayServiceToken: SERVICE_TOKEN,
      apiRoot: standIn.apiRoot,
    };
    running = await startDiscordBot({
      config,
      prisma: database.prisma,
      log: (message) => logs.push(message),
      gateway: createGatewayClient({ url: gateway.url, serviceToken: SERVICE_TOKEN }),
    });
    deferTeardown(() => running?.stop());
    await standIn.waitForGatewayReady();
  }, 180_000);

  it("logs in with the Guilds intent only and answers slash commands arriving over the gateway", async () => {
    expect(running?.tag).toMatch(/^Luma Pulse/);
    expect(standIn.gatewaySessions[0]?.intents).toBe(GatewayIntentBits.Guilds);
    expect(embedText(await run({ command: "price", locale: "zh-CN" }))).toMatch(/^价格\n/);
  });

  it("posts a burn alert to a channel a moderator subscribed, when SORA is burned on chain", async () => {
    const guild = { id: GUILD_ID, channelId: CHANNEL_ID, permissions: MODERATOR_PERMISSIONS };
    const set = await run({
      command: "alerts",
      subcommand: "set",
      options: { channel: { channel: ALERTS_CHANNEL } },
      guild,
    });
    expect(embedText(set)).toMatch(/Burn alerts go to <#1410000000000000001>/);
    const { actors, members, manifest } = chain;
    await actors.sellSora(
      members.alice,
      (await actors.read.balance(manifest.contracts.sora, members.alice)) / 4n,
    );
    const [alert] = await waitFor(() => {
      const messages = standIn.channelMessages(ALERTS_CHANNEL);
      return messages.length > 0 ? messages : undefined;
    });
    expect(embedText(alert)).toMatch(/^🔥 [\d,.]+ SORA burned\n/);
    expect(alert?.nonce).toHaveLength(25);
    expect(standIn.violations).toEqual([]);
  });

  it("stops: leaves the gateway, answers nothing more", async () => {
    await running?.stop();
    running = undefined;
    await waitFor(() => (standIn.gatewaySessions.length === 0 ? true : undefined));
    const payload = chatInputInteraction({ applicationId: standIn.applicationId, command: "price" });
    standIn.dispatchInteraction(payload);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(standIn.interactionReply(payload.token)).toBeUndefined();
    expect(logs.filter((line) => /failed|stopped/.test(line))).toEqual([]);
  });
});
