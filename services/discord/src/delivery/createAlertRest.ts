import { REST } from "discord.js";
import type { DiscordConfig } from "../config.ts";

/**
 * The REST the alert sender posts with, apart from the client's. On a 429 (or a limit it knows is
 * reached) it rejects at once: the delivery worker holds that channel back, pauses its other sends
 * for the retry_after, and goes on. No retries, so a 5xx goes back to the outbox's backoff. Its
 * sends are spaced by the worker's rate gate (`discordRateLimits`), which holds each slot until one
 * window after Discord answered.
 */
export function createAlertRest(config: Pick<DiscordConfig, "apiRoot" | "token">): REST {
  return new REST({
    ...(config.apiRoot ? { api: config.apiRoot } : {}),
    rejectOnRateLimit: () => true,
    retries: 0,
  }).setToken(config.token);
}
