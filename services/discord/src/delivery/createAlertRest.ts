import { DefaultRestOptions, REST } from "discord.js";
import type { DiscordConfig } from "../config.ts";
import { paceRequests } from "./paceRequests.ts";

/** Discord's global limit: requests a second for the whole bot. */
const GLOBAL_PER_SECOND = 50;

/**
 * The REST the alert sender posts with, apart from the client's. On a channel's 429 it rejects at
 * once, so the delivery worker holds that channel back and goes on with the others; no retries, so
 * a 5xx goes back to the outbox's backoff. The global limit is the bot's, not a channel's: a send
 * it holds back waits inside the REST (as every other send must) rather than deferring its channel
 * and wasting the slot it took, and the sends that piled up meanwhile leave paced, not at once
 * (`paceRequests`: Discord's second counted again as sends leave, with 2% to spare).
 */
export function createAlertRest(config: Pick<DiscordConfig, "apiRoot" | "token">): REST {
  return new REST({
    ...(config.apiRoot ? { api: config.apiRoot } : {}),
    rejectOnRateLimit: (limit) => !limit.global,
    retries: 0,
    makeRequest: paceRequests(DefaultRestOptions.makeRequest, GLOBAL_PER_SECOND, 1_020),
  }).setToken(config.token);
}
