import type { IntentMessage, PrismaClient } from "@luma-pulse/db";
import type { SigningIntent } from "../gateway/operations/signingIntent.ts";
import type { Locale } from "../i18n/Locale.ts";
import type { ExplorerLinks } from "../views/explorerLinks.ts";
import { intentView } from "../views/intentView.ts";
import type { MessageEditor } from "./MessageEditor.ts";
import { type ShownStatus, shownStatusOf } from "./shownStatus.ts";

/** What {@link showIntentChange} needs besides the row. */
export type ShowDeps = {
  prisma: PrismaClient;
  edit: MessageEditor;
  explorer?: ExplorerLinks;
  log: (message: string, extra?: object) => void;
};

/**
 * Brings one message up to date with its intent (`undefined`: the gateway does not know it). The row
 * moves first, and only if it still shows what this follower read (`WHERE shown = old`): of two
 * followers that saw the same change, only the one whose update won edits, so a change is shown once.
 * A `gone` message is never followed again; a `failed` edit puts the row back, for the next poll.
 * An unknown intent is final and edits nothing.
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
  const moved = await deps.prisma.intentMessage.updateMany({
    where: { ...key, shown: row.shown },
    data: { shown: next },
  });
  if (moved.count !== 1) return;
  if (!intent) {
    deps.log("intent message: the gateway does not know its intent; no longer followed", key);
    return;
  }
  const view = intentView(locale, intent, { now: new Date(), explorer: deps.explorer });
  const result = await deps
    .edit({ chatId, messageId, editToken: row.editToken ?? undefined }, view)
    .catch((error: unknown) => {
      deps.log("intent message: the edit threw", { ...key, error: String(error) });
      return "failed" as const;
    });
  if (result === "edited") return;
  const settle = result === "gone" ? "gone" : row.shown;
  await deps.prisma.intentMessage.updateMany({ where: { ...key, shown: next }, data: { shown: settle } });
  if (result === "failed") deps.log("intent message: edit failed; trying again at the next poll", key);
}
