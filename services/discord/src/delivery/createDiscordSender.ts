import { createHash } from "node:crypto";
import type { AlertSender } from "@luma-pulse/chat";
import { type REST, Routes } from "discord.js";
import { channelMessageBody } from "../render/channelMessageBody.ts";
import { renderView } from "../render/renderView.ts";
import { discordErrorOutcome } from "./discordErrorOutcome.ts";

/** Discord's longest message nonce. */
const NONCE_LENGTH = 25;

/** The message nonce of an outbox message: a hash of its key, so any key fits in 25 characters. */
export function messageNonce(idempotencyKey: string): string {
  return createHash("sha256").update(idempotencyKey).digest("base64url").slice(0, NONCE_LENGTH);
}

/**
 * Sends alerts as channel messages. Each carries its outbox message's nonce with `enforce_nonce`,
 * so a resend after a crash (within Discord's few minutes) returns the message already posted
 * instead of a second one. Give it a REST that rejects on rate limits (`rejectOnRateLimit`) and
 * does not retry (`retries: 0`): the delivery worker holds the channel back and goes on with others.
 */
export function createDiscordSender(rest: REST): AlertSender {
  return {
    platform: "discord",
    async send({ chatId, view, idempotencyKey }) {
      try {
        const body = channelMessageBody(renderView(view), {
          nonce: messageNonce(idempotencyKey),
          enforce_nonce: true,
        });
        const message = (await rest.post(Routes.channelMessages(chatId), body)) as { id: string };
        return { kind: "sent", messageId: message.id };
      } catch (error) {
        return discordErrorOutcome(error);
      }
    },
  };
}
