import { Api } from "grammy";
import type { TelegramConfig } from "../config.ts";

/**
 * How long one alert send may take. Well under half the delivery worker's 30 s lease: a hung send
 * fails and is retried by this worker rather than sent again by another one, and stopping the worker
 * (which waits for its sends) takes seconds, not grammY's default 500.
 */
export const SEND_TIMEOUT_SECONDS = 10;

/**
 * The delivery worker's own Bot API client: without auto-retry (on a 429 the worker holds that chat
 * back and goes on with the others) and with a short timeout.
 */
export function createSenderApi(config: Pick<TelegramConfig, "token" | "apiRoot">): Api {
  return new Api(config.token, {
    ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}),
    timeoutSeconds: SEND_TIMEOUT_SECONDS,
  });
}
