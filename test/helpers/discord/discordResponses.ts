import type { ServerResponse } from "node:http";
import type { StoredMessage } from "./startDiscordApiStandIn.ts";

/** A stored message as Discord returns it. */
export const messageJson = (message: StoredMessage, applicationId: string) => ({
  id: message.id,
  channel_id: message.channelId,
  type: 0,
  content: "",
  author: {
    id: applicationId,
    username: "Luma Pulse",
    discriminator: "0000",
    global_name: null,
    avatar: null,
    bot: true,
  },
  timestamp: new Date(message.createdAt).toISOString(),
  edited_timestamp: message.edits > 0 ? new Date().toISOString() : null,
  tts: false,
  mention_everyone: false,
  mentions: [],
  mention_roles: [],
  attachments: message.files.map((file, i) => ({
    id: String(i),
    filename: file.name,
    size: file.size,
    url: `https://cdn.example/${file.name}`,
    proxy_url: `https://cdn.example/${file.name}`,
  })),
  embeds: message.body.embeds ?? [],
  components: message.body.components ?? [],
  pinned: false,
  flags: message.ephemeral ? 64 : 0,
  ...(message.nonce ? { nonce: message.nonce } : {}),
});

/** The X-RateLimit headers of a channel-messages answer. */
export function limitHeaders(
  channelId: string,
  limit: number,
  remaining: number,
  resetAfterMs: number,
): Record<string, string> {
  return {
    "x-ratelimit-limit": String(limit),
    "x-ratelimit-remaining": String(remaining),
    "x-ratelimit-reset-after": (resetAfterMs / 1_000).toFixed(3),
    "x-ratelimit-reset": ((Date.now() + resetAfterMs) / 1_000).toFixed(3),
    "x-ratelimit-bucket": `channel-messages-${channelId.slice(-6)}`,
  };
}

/** A 429 as Discord sends it: `retry_after` in seconds, and the headers. */
export function rateLimited(retryAfterMs: number, global: boolean, limit: number) {
  const seconds = Math.max(retryAfterMs, 1) / 1_000;
  return {
    status: 429,
    json: { message: "You are being rate limited.", retry_after: seconds, global, code: 0 },
    headers: {
      "retry-after": String(Math.ceil(seconds)),
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset-after": seconds.toFixed(3),
      "x-ratelimit-scope": global ? "global" : "user",
      ...(global ? { "x-ratelimit-global": "true" } : {}),
    },
  };
}

/** Writes an answer: JSON, or an empty 204. */
export function send(
  response: ServerResponse,
  status: number,
  json: unknown,
  headers: Record<string, string> = {},
) {
  if (status === 204 || json === undefined) {
    response.writeHead(status === 200 ? 204 : status, headers).end();
    return;
  }
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(json));
}
