import { setTimeout as sleep } from "node:timers/promises";
import type { Update } from "grammy/types";
import type { UpdateQueue } from "./createUpdateQueue.ts";

/** Where setWebhook pointed Telegram. */
export type WebhookTarget = { url: string; secretToken?: string };

/** A running delivery; `lastError` is what getWebhookInfo reports. */
export type WebhookDelivery = { stop(): void; lastError?: { date: number; message: string } };

const RETRY_MS = 1000;

/**
 * POSTs queued updates to the webhook one at a time (Telegram's max_connections = 1), with the
 * `X-Telegram-Bot-Api-Secret-Token` header when a secret was set. An update leaves the queue only
 * once the webhook answered 2xx; otherwise Telegram's error is kept and the update retried.
 */
export function startWebhookDelivery(queue: UpdateQueue, target: WebhookTarget): WebhookDelivery {
  const controller = new AbortController();
  const { signal } = controller;
  const delivery: WebhookDelivery = { stop: () => controller.abort() };
  void (async () => {
    while (!signal.aborted) {
      const [update] = await queue.poll({ limit: 1, timeoutMs: 60_000, signal });
      if (!update) continue;
      const error = await post(target, update, signal);
      if (error === undefined) {
        queue.confirm(update.update_id + 1);
        continue;
      }
      if (signal.aborted) return;
      delivery.lastError = { date: Math.floor(Date.now() / 1000), message: error };
      await sleep(RETRY_MS, undefined, { signal }).catch(() => undefined);
    }
  })();
  return delivery;
}

async function post(target: WebhookTarget, update: Update, signal: AbortSignal): Promise<string | undefined> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (target.secretToken) headers["x-telegram-bot-api-secret-token"] = target.secretToken;
  try {
    const response = await fetch(target.url, {
      method: "POST",
      headers,
      body: JSON.stringify(update),
      signal,
    });
    await response.arrayBuffer();
    return response.ok
      ? undefined
      : `Wrong response from the webhook: ${response.status} ${response.statusText}`;
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return code === "ECONNREFUSED" ? "Connection refused" : String(error);
  }
}
