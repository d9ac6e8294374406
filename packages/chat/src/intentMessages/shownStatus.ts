import type { IntentStatus } from "../gateway/operations/signingIntent.ts";

/**
 * What an `IntentMessage` row's `shown` holds: the intent status the chat message shows now
 * (lower case), or why it is no longer followed: `gone` (the message was deleted, the chat left)
 * or `unknown` (the gateway has no such intent).
 */
export type ShownStatus = Lowercase<IntentStatus> | "gone" | "unknown";

/** The statuses an intent can still move on from: rows showing them are followed. */
export const FOLLOWED_STATUSES: readonly ShownStatus[] = ["pending", "submitted"];

/** The `shown` value for an intent in `status`. */
export const shownStatusOf = (status: IntentStatus): ShownStatus => status.toLowerCase() as ShownStatus;
