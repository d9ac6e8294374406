import type { ChatMetrics } from "@luma-pulse/chat";
import type { Logger } from "@luma-pulse/ops";
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../BotContext.ts";
import type { Log } from "../BotDeps.ts";

/**
 * The first middleware inside the error boundary: gives the update its own `ctx.log`, carrying its
 * `updateId` and `chatId` on every line, counts it (`luma_bot_updates_total`, ok or error) and times
 * it (`luma_bot_update_duration_seconds`). An update is one debug line on `logger`, never an info
 * line: a busy bot's log stays readable at the default level.
 */
export function observeUpdates(options: {
  log: Log;
  metrics: ChatMetrics;
  logger?: Logger;
}): MiddlewareFn<BotContext> {
  const { log, metrics, logger } = options;
  return async (ctx, next) => {
    const ids = { updateId: ctx.update.update_id, chatId: ctx.chat?.id };
    ctx.log = (message, extra) => log(message, { ...ids, ...extra });
    const started = performance.now();
    let result = "error";
    try {
      await next();
      result = "ok";
    } finally {
      const seconds = (performance.now() - started) / 1000;
      metrics.updates.inc({ platform: "telegram", result });
      metrics.updateDuration.observe({ platform: "telegram" }, seconds);
      logger?.debug({ ...ids, result, durationMs: Math.round(seconds * 1000) }, "telegram update handled");
    }
  };
}
