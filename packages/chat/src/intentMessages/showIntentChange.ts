import type { IntentMessage, PrismaClient } from "@luma-pulse/db";
import type { SigningIntent } from "../gateway/operations/signingIntent.ts";
import type { Locale } from "../i18n/Locale.ts";
import type { ExplorerLinks } from "../views/explorerLinks.ts";
import { intentView } from "../views/intentView.ts";
import type { MessageEditor } from "./MessageEditor.ts";
import { EDIT_CLAIM_MS, editClaim, type ShownStatus, shownStatusOf } from "./shownStatus.ts";

/** What {@link showIntentChange} needs besides the row. */
export type ShowDeps = {
  prisma: PrismaClient;
  edit: MessageEditor;
  explorer?: ExplorerLinks;
  log: (message: string, extra?: object) => void;
};

/**
 * Brings one message up to date with its intent (`undefined`: the gateway does not know it). The
 * row is claimed first, only if it is still as this follower read it (`shown` and `updatedAt`): of
 * two followers that saw the same change, only the one whose claim won edits, so a change is shown
 * once. The row says what the message shows only after the edit: a follower that crashes in between
 * leaves a claim that lapses ({@link EDIT_CLAIM_MS}), and the next poll edits the message then. A
 * `gone` message is never followed again; a `failed` edit puts the row back as it was, for the next
 * poll. An unknown intent is final and edits nothing.
 */
export async function showIntentChange(
  deps: ShowDeps,
  row: IntentMessage,
  locale: Locale,
  intent: SigningIntent | undefined,
): Promise<void> {
  const next: ShownStatus = intent ? shownStatusOf(intent.status) : "unknown";
  if (next === row.shown) return;
  const { platform, chatId, messageId, intentId } = row;
  const key = { platform, chatId, messageId, intentId };
  const asRead = { ...key, shown: row.shown, updatedAt: row.updatedAt };
  if (!intent) {
    await deps.prisma.intentMessage.updateMany({ where: asRead, data: { shown: next } });
    deps.log("intent message: the gateway does not know its intent; no longer followed", key);
    return;
  }
  const claim = { shown: editClaim(next), updatedAt: new Date() };
  const claimed = await deps.prisma.intentMessage.updateMany({ where: asRead, data: claim });
  if (claimed.count !== 1) return;
  const view = intentView(locale, intent, { now: new Date(), explorer: deps.explorer });
  const result = await deps
    .edit({ chatId, messageId, editToken: row.editToken ?? undefined }, view)
    .catch((error: unknown) => {
      deps.log("intent message: the edit threw", { ...key, error: String(error) });
      return "failed" as const;
    });
  const settled =
    result === "failed"
      ? { shown: row.shown, updatedAt: row.updatedAt }
      : { shown: result === "gone" ? "gone" : next, updatedAt: new Date() };
  await deps.prisma.intentMessage.updateMany({ where: { ...key, ...claim }, data: settled });
  if (result === "failed") deps.log("intent message: edit failed; trying again at the next poll", key);
}
