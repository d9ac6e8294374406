import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Bot, webhookCallback } from "grammy";
import type { BotContext } from "./BotContext.ts";
import type { Log } from "./BotDeps.ts";
import type { TelegramConfig } from "./config.ts";

/**
 * Serves Telegram's webhook posts on `webhook.port`, at any path: a reverse proxy may strip the
 * public URL's prefix, and the secret token, not the path, tells Telegram's posts from others' (a
 * post without it is refused, 401). Anything but a POST is 404, logged so a misrouted proxy shows.
 * An update still running after 20 s is acknowledged anyway and finishes in the background, so
 * Telegram does not send it again.
 */
export async function startWebhookServer(
  bot: Bot<BotContext>,
  webhook: NonNullable<TelegramConfig["webhook"]>,
  log: Log,
): Promise<{ port: number; close(): Promise<void> }> {
  const handle = webhookCallback(bot, "http", {
    secretToken: webhook.secretToken,
    onTimeout: "return",
    timeoutMilliseconds: 20_000,
  });
  const server: Server = createServer((request, response) => {
    if (request.method !== "POST") {
      log("telegram webhook: 404 for a request that is not a post", {
        method: request.method,
        path: new URL(request.url ?? "/", "http://localhost").pathname,
      });
      return void response.writeHead(404).end();
    }
    handle(request, response).catch((error: unknown) => {
      // The bot's error boundary answers the member; what gets here is the webhook itself failing.
      log("telegram webhook request failed", { error: String(error) });
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(webhook.port, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeIdleConnections();
        server.close(() => resolve());
      }),
  };
}
