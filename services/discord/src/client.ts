import { type ChatMetrics, createChatMetrics, errorView, localeOf } from "@luma-pulse/chat";
import type { Logger } from "@luma-pulse/ops";
import {
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";
import { commandHandler } from "./commands/commandHandlers.ts";
import { statsMessage } from "./commands/statsMessage.ts";
import type { DiscordConfig } from "./config.ts";
import type { DiscordBotDeps, Log } from "./DiscordBotDeps.ts";
import { countRestResponses } from "./delivery/countRestResponses.ts";
import { createLiveStats } from "./liveStats/createLiveStats.ts";
import { renderView } from "./render/renderView.ts";

/** A built bot: its discord.js client (not logged in) and the interactions it is answering. */
export type DiscordBot = {
  client: Client;
  /** The deps the handlers use, with `liveStats` filled in. */
  deps: DiscordBotDeps & { liveStats: NonNullable<DiscordBotDeps["liveStats"]> };
  /** Resolves once every interaction received so far is answered (tests; a clean stop). */
  settled(): Promise<void>;
};

/** What the running bot adds around the handlers. */
export type CreateDiscordBotOptions = {
  /** Where commands, replies, edits and 429s are counted (default: counters nothing exports). */
  metrics?: ChatMetrics;
  /** The process's logger: one debug line per command handled. */
  logger?: Logger;
};

/**
 * Builds the bot: a discord.js client (Guilds intent only: slash commands need nothing else) whose
 * REST goes to `config.apiRoot` when set, and ONE `interactionCreate` handler, the error boundary:
 * each command's handlers log with its `interactionId`; a bug is logged with it and the member gets
 * a short localized "try again", ephemeral. Nothing connects until `client.login`.
 */
export function createDiscordBot(
  config: Pick<DiscordConfig, "token" | "apiRoot">,
  deps: DiscordBotDeps,
  options: CreateDiscordBotOptions = {},
): DiscordBot {
  const log: Log = deps.log ?? (() => {});
  const metrics = options.metrics ?? createChatMetrics();
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(config.apiRoot ? { rest: { api: config.apiRoot } } : {}),
  });
  // Set now, not at login: the REST is used before (editing replies, live stats), and discord.js
  // would otherwise take DISCORD_TOKEN from the environment by itself.
  client.token = config.token;
  client.rest.setToken(config.token);
  countRestResponses(client.rest, metrics, { countSends: true });
  const liveStats =
    deps.liveStats ??
    createLiveStats({
      prisma: deps.prisma,
      rest: client.rest,
      log,
      render: async (locale) => {
        const stats = await statsMessage(deps, locale);
        return stats.ok ? renderView(stats.view) : undefined;
      },
    });
  const full = { ...deps, log, liveStats };
  const inFlight = new Set<Promise<void>>();

  // An "error" event without a listener would throw and end the process; the client reconnects by itself.
  client.on(Events.Error, (error) => log("discord client error", { error: String(error) }));
  client.on(Events.InteractionCreate, (interaction) => {
    const handling = handle(interaction).finally(() => inFlight.delete(handling));
    inFlight.add(handling);
  });

  async function handle(interaction: Interaction) {
    if (!interaction.isChatInputCommand()) return;
    const ids = { interactionId: interaction.id, command: interaction.commandName };
    const interactionLog: Log = (message, extra) => log(message, { ...ids, ...extra });
    const started = performance.now();
    let result = "ok";
    try {
      await commandHandler(interaction.commandName)(interaction, { ...full, log: interactionLog });
    } catch (error) {
      result = "error";
      interactionLog("discord interaction failed", {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      await apologize(interaction).catch((replyError: unknown) =>
        interactionLog("discord error reply failed", { error: String(replyError) }),
      );
    } finally {
      const seconds = (performance.now() - started) / 1000;
      metrics.updates.inc({ platform: "discord", result });
      metrics.updateDuration.observe({ platform: "discord" }, seconds);
      options.logger?.debug(
        { ...ids, result, durationMs: Math.round(seconds * 1000) },
        "discord command handled",
      );
    }
  }

  return {
    client,
    deps: full,
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/** The member's "something went wrong": never the exception's text, never silence. */
async function apologize(interaction: RepliableInteraction) {
  const locale = localeOf(interaction.locale);
  const view = errorView(locale, { code: "INTERNAL_SERVER_ERROR", params: {}, retryable: true });
  const { embeds } = renderView(view);
  if (interaction.deferred || interaction.replied) {
    await interaction.editReply({ embeds, components: [], attachments: [] });
  } else {
    await interaction.reply({ embeds, flags: MessageFlags.Ephemeral });
  }
}
