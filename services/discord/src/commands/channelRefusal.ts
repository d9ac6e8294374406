import { type ChatView, errorView, type Locale, textsFor } from "@luma-pulse/chat";
import type { DiscordErrorOutcome } from "../delivery/discordErrorOutcome.ts";
import { discordText } from "../discordTexts.ts";
import { noticeView } from "../render/noticeView.ts";

/** What a moderator reads when a channel did not take the bot's message. */
export function channelRefusal(locale: Locale, channelId: string, outcome: DiscordErrorOutcome): ChatView {
  const title = textsFor(locale).errors.title;
  if (outcome.kind === "gone" && outcome.reason.startsWith("10003")) {
    return noticeView("error", title, discordText(locale, "channelGone"));
  }
  if (outcome.kind === "gone") {
    return noticeView("error", title, discordText(locale, "cannotPost", { channel: channelId }));
  }
  return errorView(locale, { code: "INTERNAL_SERVER_ERROR", params: {}, retryable: true });
}
