import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { type ChatMetrics, createChatMetrics } from "@luma-pulse/chat";
import type { Logger } from "@luma-pulse/ops";
import { Bot, type Transformer } from "grammy";
import type { BotContext } from "./BotContext.ts";
import type { BotDeps } from "./BotDeps.ts";
import type { TelegramConfig } from "./config.ts";
import { countApiCalls } from "./countApiCalls.ts";
import { commands } from "./features/commands.ts";
import { errorReply } from "./features/errorReply.ts";
import { migratedGroup } from "./features/migratedGroup.ts";
import { myChatMember } from "./features/myChatMember.ts";
import { unhandled } from "./features/unhandled.ts";
import { chatAdmin } from "./middleware/chatAdmin.ts";
import { observeUpdates } from "./middleware/observeUpdates.ts";
import type { UpdateTracker } from "./middleware/trackUpdates.ts";
import { userLocale } from "./middleware/userLocale.ts";

/** What the running bot adds around the features (tests build the bot without them). */
export type CreateBotOptions = {
  /** Counts the updates in flight, so a stop waits for them. */
  tracker?: UpdateTracker;
  /** Runs before each API call (and each of its retries): the shared send limits, see `throttleSends`. */
  throttle?: Transformer;
  /** Where updates, replies, edits and 429s are counted (default: counters nothing exports). */
  metrics?: ChatMetrics;
  /** The process's logger: one debug line per update handled. */
  logger?: Logger;
};

/**
 * Builds the Telegram bot (no network until it is started or `init()` is called): API calls retry
 * on 429 and 5xx (`@grammyjs/auto-retry`), a chat's updates are handled one at a time in order,
 * then the update is counted and timed and gets its own `ctx.log` (`observeUpdates`), the user's
 * language and the chat admin check are set up, and the features run in order, `unhandled` last,
 * behind one error boundary. Call `init()` (getMe) before handling updates.
 */
export function createBot(
  config: Pick<TelegramConfig, "token" | "apiRoot">,
  deps: BotDeps,
  options: CreateBotOptions = {},
): Bot<BotContext> {
  const bot = new Bot<BotContext>(
    config.token,
    config.apiRoot ? { client: { apiRoot: config.apiRoot } } : {},
  );
  const metrics = options.metrics ?? createChatMetrics();
  // Innermost: each HTTP attempt (a retry too) is counted with what Telegram answered it.
  bot.api.config.use(countApiCalls(metrics, { countSends: true }));
  // Inside auto-retry: every attempt takes its own send slot.
  if (options.throttle) bot.api.config.use(options.throttle);
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  const log = deps.log ?? (() => {});
  if (options.tracker) bot.use(options.tracker.middleware);
  // Under the runner updates run concurrently: two commands of one chat must still answer in order.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  bot
    .errorBoundary(errorReply(log))
    .use(
      observeUpdates({ log, metrics, logger: options.logger }),
      userLocale(deps.prisma),
      chatAdmin(),
      commands(deps),
      myChatMember(deps),
      migratedGroup(deps),
      unhandled(),
    );
  bot.catch((error) => log("telegram update failed outside the boundary", { error: String(error.error) }));
  return bot;
}
