import type { Message } from "grammy/types";
import type { RecordedCall } from "../../../test/helpers/telegram/RecordedCall.ts";

/** What a member reads in the messages the bot sent (text, or a photo's caption), one after another. */
export function messageText(calls: readonly RecordedCall[]): string {
  return calls
    .filter((call) => call.ok && call.message)
    .map((call) => textOf(call.message as Message))
    .join("\n\n");
}

const textOf = (message: Message) => ("text" in message ? message.text : undefined) ?? message.caption ?? "";

/** The link buttons under the messages sent, as label → url. */
export function buttonsOf(calls: readonly RecordedCall[]): { label: string; url: string }[] {
  return calls
    .filter((call) => call.ok && call.message?.reply_markup)
    .flatMap((call) => call.message?.reply_markup?.inline_keyboard.flat() ?? [])
    .map((button) => ({ label: button.text, url: "url" in button ? (button.url ?? "") : "" }));
}
