import type { ChatPlatform, PrismaClient } from "@luma-pulse/db";
import type { Locale } from "../i18n/Locale.ts";
import type { ShownStatus } from "./shownStatus.ts";

/** A chat message that shows a signing intent, as the bot sent it. */
export type TrackedIntentMessage = {
  platform: ChatPlatform;
  chatId: string;
  messageId: string;
  intentId: string;
  /** The language the message is written in: its edits are too. */
  locale: Locale;
  /** Discord: the interaction token an ephemeral reply is edited through. */
  editToken?: string;
};

/** A message sent with the plan shows the intent as pending. */
const SENT_AS: ShownStatus = "pending";

/**
 * Records that a message shows an intent, so the follower (`startIntentMessageFollower`)
 * edits it when the intent settles — across restarts, since the row is the state. Sending it again
 * for the same message (a message re-used for a new plan) follows the new intent from "pending".
 */
export async function trackIntentMessage(prisma: PrismaClient, message: TrackedIntentMessage): Promise<void> {
  const { platform, chatId, messageId, intentId, locale } = message;
  const fields = { intentId, locale, editToken: message.editToken ?? null, shown: SENT_AS };
  await prisma.intentMessage.upsert({
    where: { platform_chatId_messageId: { platform, chatId, messageId } },
    create: { platform, chatId, messageId, ...fields },
    update: fields,
  });
}
