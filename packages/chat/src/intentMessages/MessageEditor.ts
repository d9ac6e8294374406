import type { ChatView } from "../views/ChatView.ts";

/**
 * How a bot edits a message it sent: `edited`; `gone` when the message (or the chat) no longer
 * exists, so it is not tried again; `failed` for anything transient, so it is tried at the next poll.
 * It resolves rather than throws (a throw counts as `failed`).
 */
export type MessageEditor = (
  message: { chatId: string; messageId: string; editToken?: string },
  view: ChatView,
) => Promise<"edited" | "gone" | "failed">;
