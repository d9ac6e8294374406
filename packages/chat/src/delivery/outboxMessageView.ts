import { burnAlertView, digestView, milestoneView } from "../alerts/alertViews.ts";
import { summarizeBurns } from "../alerts/summarizeBurns.ts";
import type { Locale } from "../i18n/Locale.ts";
import type { ChatView } from "../views/ChatView.ts";
import type { ExplorerLinks } from "../views/explorerLinks.ts";
import type { OutboxMessage } from "./groupDeliveries.ts";
import { parseOutboxPayload } from "./outboxPayload.ts";

/**
 * What a message says, in the chat's language: a milestone, one burn, or a digest with the count
 * and total of several. Undefined when a row's payload cannot be read (it is dropped, not retried).
 */
export function outboxMessageView(
  message: OutboxMessage,
  locale: Locale,
  explorer?: ExplorerLinks,
): ChatView | undefined {
  const payloads = message.rows.map((row) => parseOutboxPayload(row.payload));
  const parsed = payloads.filter((payload) => payload !== undefined);
  const [first] = parsed;
  if (!first || parsed.length < payloads.length) return undefined;
  if (parsed.length === 1) {
    return first.percent === undefined
      ? burnAlertView(locale, first.burn, { explorer })
      : milestoneView(locale, first.percent, first.burn);
  }
  const digest = summarizeBurns(parsed.map((payload) => payload.burn));
  return digest && digestView(locale, digest, { explorer });
}
