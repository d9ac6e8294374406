import type { ExplorerLinks, GatewayClient } from "@luma-pulse/chat";
import type { PrismaClient } from "@luma-pulse/db";

/** Logs one event; `extra` carries ids and error details (never shown to chat users). */
export type Log = (message: string, extra?: object) => void;

/** What the bot's features use: made once at start-up, shared by every update. */
export type BotDeps = {
  prisma: PrismaClient;
  gateway: GatewayClient;
  /** Transaction links in /burns; without one, views show the hash. */
  explorer?: ExplorerLinks;
  log?: Log;
};
