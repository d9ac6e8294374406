import type { ChatView } from "@luma-pulse/chat";

/** A one-sentence answer (a moderator tool's outcome, a refusal), as a view. */
export function noticeView(tone: ChatView["tone"], title: string, sentence: string): ChatView {
  return { tone, title, text: [sentence], sections: [], buttons: [] };
}
