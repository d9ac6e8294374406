import { BotApiError, badRequest } from "./BotApiError.ts";
import type { UpdateQueue } from "./createUpdateQueue.ts";
import type { MethodHandler } from "./MethodHandler.ts";
import { readFlag, readInt, readString } from "./paramReaders.ts";
import { startWebhookDelivery, type WebhookDelivery } from "./startWebhookDelivery.ts";

type Webhook = { url: string; maxConnections: number; allowedUpdates?: unknown; delivery: WebhookDelivery };

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * getUpdates (long polling) and the webhook methods over one update queue. While a webhook is
 * set, pushed updates go to it and getUpdates answers 409, as on Telegram.
 */
export function updateMethods(queue: UpdateQueue): { methods: Record<string, MethodHandler>; close(): void } {
  let webhook: Webhook | undefined;
  const removeWebhook = (dropPending: boolean) => {
    webhook?.delivery.stop();
    webhook = undefined;
    if (dropPending) queue.clear();
    return true;
  };
  const methods: Record<string, MethodHandler> = {
    getUpdates({ params, signal }) {
      if (webhook) {
        throw new BotApiError(
          409,
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        );
      }
      const limit = Math.min(100, Math.max(1, readInt(params, "limit") ?? 100));
      const timeoutMs = (readInt(params, "timeout") ?? 0) * 1000;
      return queue.poll({ offset: readInt(params, "offset"), limit, timeoutMs, signal });
    },
    setWebhook({ params }) {
      const url = readString(params, "url") ?? "";
      if (url === "") return removeWebhook(readFlag(params, "drop_pending_updates"));
      checkWebhookUrl(url);
      const secretToken = readString(params, "secret_token");
      if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
        throw badRequest("secret token contains unallowed characters");
      }
      removeWebhook(readFlag(params, "drop_pending_updates"));
      webhook = {
        url,
        maxConnections: readInt(params, "max_connections") ?? 40,
        allowedUpdates: params.allowed_updates,
        delivery: startWebhookDelivery(queue, { url, secretToken }),
      };
      return true;
    },
    deleteWebhook: ({ params }) => removeWebhook(readFlag(params, "drop_pending_updates")),
    getWebhookInfo: () => ({
      url: webhook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: queue.size(),
      ...(webhook && { max_connections: webhook.maxConnections }),
      ...(webhook?.allowedUpdates !== undefined && { allowed_updates: webhook.allowedUpdates }),
      ...(webhook?.delivery.lastError && {
        last_error_date: webhook.delivery.lastError.date,
        last_error_message: webhook.delivery.lastError.message,
      }),
    }),
  };
  return { methods, close: () => removeWebhook(false) };
}

// Telegram wants HTTPS; plain HTTP to this machine is let through so webhook mode can be tested locally.
function checkWebhookUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest("bad webhook: Failed to parse the URL");
  }
  if (parsed.protocol === "https:" || (parsed.protocol === "http:" && LOOPBACK_HOSTS.has(parsed.hostname)))
    return;
  throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
}
