import type { IntentStatus } from "../gateway/operations/signingIntent.ts";

/**
 * What an `IntentMessage` row's `shown` holds: the intent status the chat message shows now
 * (lower case), or why it is no longer followed: `gone` (the message was deleted, the chat left)
 * or `unknown` (the gateway has no such intent). While a follower edits the message, the row holds
 * its claim instead ({@link editClaim}).
 */
export type ShownStatus = Lowercase<IntentStatus> | "gone" | "unknown";

/** What starts a claim's `shown` (no status does). */
export const EDIT_CLAIM_PREFIX = ">";

/**
 * A follower's claim on a message it is editing to `status`, since the row's `updatedAt`: other
 * followers leave it alone for {@link EDIT_CLAIM_MS}. A claim older than that is its follower's
 * crash between the claim and the edit: the message may show either status, so it is edited again.
 */
export const editClaim = (status: ShownStatus): string => `${EDIT_CLAIM_PREFIX}${status}`;
/** Far longer than an edit takes (the bots' API calls time out within seconds). */
export const EDIT_CLAIM_MS = 60_000;

/** The statuses an intent can still move on from: rows showing them are followed. */
export const FOLLOWED_STATUSES: readonly ShownStatus[] = ["pending", "submitted"];

/** The `shown` value for an intent in `status`. */
export const shownStatusOf = (status: IntentStatus): ShownStatus => status.toLowerCase() as ShownStatus;
