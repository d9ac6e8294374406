import type { ChatPlatform } from "@luma-pulse/db";
import type { GatewayClient } from "../gateway/createGatewayClient.ts";
import { isLocale, type Locale } from "../i18n/Locale.ts";
import { getIntentsById } from "./getIntentsById.ts";
import { type ShowDeps, showIntentChange } from "./showIntentChange.ts";
import { EDIT_CLAIM_MS, EDIT_CLAIM_PREFIX, FOLLOWED_STATUSES } from "./shownStatus.ts";

/** A message sent longer ago than this is left as it is (intents expire within minutes). */
export const FOLLOW_FOR_MS = 24 * 3_600_000;

/**
 * Rows read per poll, newest first: the messages members are looking at. Intents expire within their
 * TTL and their rows stop being followed then, so the set drains even past this bound.
 */
const MAX_ROWS_PER_POLL = 1_000;

/**
 * One poll: the platform's messages whose intent may still change (and those a crashed follower
 * left claimed), each intent asked once per language (several per request), and every message
 * whose intent moved on edited.
 * @throws {GatewayError} when the gateway is out of reach (nothing was changed for the rest)
 */
export async function followIntentMessagesOnce(
  deps: ShowDeps & { gateway: GatewayClient; platform: ChatPlatform; signal?: AbortSignal },
): Promise<void> {
  const rows = await deps.prisma.intentMessage.findMany({
    where: {
      platform: deps.platform,
      createdAt: { gte: new Date(Date.now() - FOLLOW_FOR_MS) },
      OR: [
        { shown: { in: [...FOLLOWED_STATUSES] } },
        // A follower crashed between its claim and the edit: the message may still show the old status.
        { shown: { startsWith: EDIT_CLAIM_PREFIX }, updatedAt: { lt: new Date(Date.now() - EDIT_CLAIM_MS) } },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: MAX_ROWS_PER_POLL,
  });
  // Step summaries come worded by the gateway, so an intent is asked in each language it is shown in.
  const byLocale = new Map<Locale, typeof rows>();
  for (const row of rows) {
    const locale = isLocale(row.locale) ? row.locale : "en";
    byLocale.set(locale, [...(byLocale.get(locale) ?? []), row]);
  }
  for (const [locale, localeRows] of byLocale) {
    const ids = [...new Set(localeRows.map((row) => row.intentId))];
    const intents = await getIntentsById(deps.gateway, { locale, ids, signal: deps.signal });
    for (const row of localeRows) {
      // Stopping lets the edit in flight finish, and starts no other.
      if (deps.signal?.aborted) return;
      await showIntentChange(deps, row, locale, intents.get(row.intentId));
    }
  }
}
