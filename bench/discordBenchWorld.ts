/**
 * Not a bench: what the two Discord benches (discordBroadcast.ts, discordAckLatency.ts) run against.
 */

import { fork } from "node:child_process";
import { join } from "node:path";
import { alertSettingsToJson, defaultAlertSettings } from "@luma-pulse/chat";
import type { PrismaClient } from "@luma-pulse/db";
import { type RunningDiscordBot, startDiscordBot } from "../services/discord/src/startDiscordBot.ts";
import type { StandInRequest } from "./discordStandInChild.ts";
import { startBotBenchBase } from "./helpers/startBotBenchBase.ts";

/** The guild every bench channel is in. */
export const BENCH_GUILD_ID = "1500000000000000001";
const FIRST_CHANNEL_ID = 1_510_000_000_000_000_000n;

/**
 * Everything a Discord bench runs against, as in production on one host: a throwaway PostgreSQL
 * database (BENCH_POSTGRES_URL, default the machine's) shared by the gateway and the bot, the
 * gateway over the chain at `manifestPath` in a child process, and the stand-in of Discord's HTTP
 * API and gateway with Discord's limits (50 requests/s, 5 posts per 5 s per channel) in another. `startBot()` starts the whole bot on them (startDiscordBot: login over the WebSocket,
 * the burn subscription, the delivery worker); `logs` collects what it logs.
 */
export async function startDiscordBenchWorld(options: { manifestPath: string; label: string }) {
  const base = await startBotBenchBase(options);
  try {
    const standIn = await startChildStandIn();
    base.onStop(() => standIn.close());
    let bot: RunningDiscordBot | undefined;
    return {
      prisma: base.prisma,
      gateway: base.gateway,
      standIn,
      logs: base.logs,
      async startBot() {
        bot = await startDiscordBot({
          config: {
            token: standIn.token,
            applicationId: standIn.applicationId,
            apiRoot: standIn.apiRoot,
            gatewayUrl: base.gateway.url,
          },
          prisma: base.prisma,
          log: base.log,
        });
        base.onStop(() => bot?.stop() ?? Promise.resolve());
        await standIn.waitForGatewayReady();
        return bot;
      },
      stop: base.stop,
    };
  } catch (error) {
    await base.stop();
    throw error;
  }
}

/** A request the stand-in answered, as the child reports it. */
export type StandInCall = { method: string; path: string; status: number; at: number };

/** What the stand-in saw: every request, limit violations, and each asked channel's message count. */
export type StandInReport = { calls: StandInCall[]; violations: string[]; messagesPerChannel: number[] };

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** The stand-in in a child process (discordStandInChild.ts), driven over IPC. */
async function startChildStandIn() {
  const child = fork(join(import.meta.dirname, "discordStandInChild.ts"), {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 0;
  const ready = await new Promise<{ apiRoot: string; token: string; applicationId: string }>(
    (resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`the stand-in exited with ${code}`)));
      child.on("message", (message: { ready?: never; id?: number; result?: unknown }) => {
        if (message.ready) resolve(message.ready);
        else pending.get(message.id ?? -1)?.(message.result);
      });
    },
  );
  const ask = <T>(request: WithoutId<StandInRequest>): Promise<T> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, (result) => {
        pending.delete(id);
        resolve(result as T);
      });
      child.send({ ...request, id });
    });
  return {
    ...ready,
    waitForGatewayReady: () => ask<null>({ type: "waitForGatewayReady" }),
    /** Resolves with when the stand-in sent it (its clock: the same host's). */
    dispatchInteraction: (payload: unknown) => ask<number>({ type: "dispatchInteraction", payload }),
    report: (channelIds: string[] = []) => ask<StandInReport>({ type: "report", channelIds }),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      await ask({ type: "close" });
      await exited;
    },
  };
}

/**
 * Subscribes `count` channels of one guild to every burn (the defaults: on, no minimum, at once),
 * half in Chinese and half in English, in one statement (as 1,000 `/alerts set` over time would
 * leave them). Returns their ids.
 */
export async function subscribeChannels(prisma: PrismaClient, count: number): Promise<string[]> {
  const channelIds = Array.from({ length: count }, (_, i) => String(FIRST_CHANNEL_ID + BigInt(i)));
  await prisma.alertSubscription.createMany({
    data: channelIds.map((chatId, i) => ({
      platform: "discord" as const,
      chatId,
      guildId: BENCH_GUILD_ID,
      settings: alertSettingsToJson(defaultAlertSettings),
      locale: i % 2 === 0 ? "zh" : "en",
    })),
  });
  return channelIds;
}

/** Polls `check` every 200 ms until it gives a value. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs: number): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
