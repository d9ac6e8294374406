import type { ExplorerLinks, GatewayClient } from "@luma-pulse/chat";
import type { PrismaClient } from "@luma-pulse/db";
import type { LiveStats } from "./liveStats/createLiveStats.ts";

/** Logs one event; `extra` carries ids and error details (never shown to members). */
export type Log = (message: string, extra?: object) => void;

/** What the handlers use: made once at start-up, shared by every interaction. */
export type DiscordBotDeps = {
  prisma: PrismaClient;
  gateway: GatewayClient;
  /** Transaction links in /burns and alerts; without one, views show the hash. */
  explorer?: ExplorerLinks;
  /** The messages `/stats live` keeps up to date (made by `createDiscordBot` when not given). */
  liveStats?: LiveStats;
  log?: Log;
};
