import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { acceptWebSocket } from "./acceptWebSocket.ts";
import { createDiscordLimiter, DISCORD_LIMITS, type DiscordLimits } from "./createDiscordLimiter.ts";
import { type DiscordErrorAnswer, discordErrors } from "./discordErrors.ts";
import { limitHeaders, messageJson, rateLimited, send } from "./discordResponses.ts";
import { type GatewaySession, startGatewaySession } from "./gatewaySession.ts";
import { type DiscordBody, readDiscordBody } from "./readDiscordBody.ts";

/** One request the bot made, and how the stand-in answered it. */
export type DiscordCall = {
  method: string;
  /** Without the API root and version: `/channels/123/messages`. */
  path: string;
  body: Record<string, unknown>;
  files: DiscordBody["files"];
  status: number;
  errorCode?: number;
  at: number;
};

/** A message as the stand-in holds it: the last body it was posted or edited with. */
export type StoredMessage = {
  id: string;
  channelId: string;
  body: Record<string, unknown>;
  files: DiscordBody["files"];
  ephemeral: boolean;
  edits: number;
  nonce?: string;
  createdAt: number;
};

/** A response: status, JSON (none for 204) and headers. */
type Answer = { status: number; json: unknown; headers?: Record<string, string> };

type ChannelState = "deleted" | "no_access" | "no_permissions";

/** How long Discord remembers an enforced nonce ("within the past few minutes"). */
const NONCE_MEMORY_MS = 5 * 60_000;

/**
 * A stand-in of Discord's HTTP API (the only fake in the Discord tests: Discord's servers are out of
 * reach). discord.js talks to it through `rest: { api: apiRoot }`. It records every call and answers
 * like Discord: command deployment, interaction callbacks and their webhook edits, channel messages
 * (with `enforce_nonce`: the same nonce in a channel within minutes returns the same message), 429s
 * with `retry_after` and X-RateLimit headers, and 401/403/404 errors with Discord's JSON codes.
 * Its limits (unless `limits: false`) are Discord's: 50 requests a second made with the bot's token
 * (interaction callbacks and webhook edits are exempt, as on Discord), and 5 message posts per 5 s
 * in one channel.
 */
export async function startDiscordApiStandIn(
  opts: { token?: string; applicationId?: string; limits?: DiscordLimits | false } = {},
) {
  const token = opts.token ?? "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GstNd1.standInTokenstandInTokenstandInToken00";
  const applicationId = opts.applicationId ?? "1300000000000000001";
  const limiter = opts.limits === false ? undefined : createDiscordLimiter(opts.limits ?? DISCORD_LIMITS);
  const calls: DiscordCall[] = [];
  const messages = new Map<string, StoredMessage>();
  const originals = new Map<string, string>(); // interaction token → its reply's message id
  const expiredTokens = new Set<string>();
  const channels = new Map<string, ChannelState>();
  const nextFailures: {
    pathPattern: RegExp;
    answer: DiscordErrorAnswer | { status: 429; retryAfterMs: number };
  }[] = [];
  const violations: string[] = [];
  let nextId = 1_310_000_000_000_000_000n;
  let port = 0;
  const newId = () => String(nextId++);

  const channelError = (channelId: string): DiscordErrorAnswer | undefined => {
    const state = channels.get(channelId);
    if (state === "deleted") return discordErrors.unknownChannel;
    if (state === "no_access") return discordErrors.missingAccess;
    if (state === "no_permissions") return discordErrors.missingPermissions;
    return undefined;
  };

  function postMessage(channelId: string, body: DiscordBody): Answer {
    const failed = channelError(channelId);
    if (failed) return { status: failed.status, json: failed };
    const nonce =
      typeof body.json.nonce === "string" || typeof body.json.nonce === "number"
        ? String(body.json.nonce)
        : undefined;
    if (nonce && body.json.enforce_nonce === true) {
      const same = [...messages.values()].find(
        (m) => m.channelId === channelId && m.nonce === nonce && Date.now() - m.createdAt < NONCE_MEMORY_MS,
      );
      if (same) return { status: 200, json: messageJson(same, applicationId) };
    }
    const message: StoredMessage = {
      id: newId(),
      channelId,
      body: body.json,
      files: body.files,
      ephemeral: false,
      edits: 0,
      nonce,
      createdAt: Date.now(),
    };
    messages.set(message.id, message);
    return { status: 200, json: messageJson(message, applicationId) };
  }

  function editMessage(message: StoredMessage | undefined, body: DiscordBody) {
    if (!message) return { status: 404, json: discordErrors.unknownMessage };
    message.body = { ...message.body, ...body.json };
    // Files are kept unless `attachments` says which stay; new uploads replace them.
    if (Array.isArray(body.json.attachments)) message.files = body.files;
    message.edits += 1;
    return { status: 200, json: messageJson(message, applicationId) };
  }

  async function route(
    method: string,
    path: string,
    authorized: boolean,
    body: DiscordBody,
  ): Promise<Answer> {
    const failure = nextFailures.findIndex((f) => f.pathPattern.test(`${method} ${path}`));
    if (failure !== -1) {
      const [{ answer }] = nextFailures.splice(failure, 1) as [(typeof nextFailures)[number]];
      if (answer.status === 429 && "retryAfterMs" in answer)
        return rateLimited(answer.retryAfterMs, false, 5);
      return { status: answer.status, json: answer };
    }
    const postsMessage = method === "POST" && /^\/channels\/\d+\/messages$/.test(path);
    if (limiter && authorized && !postsMessage) {
      const slot = limiter.take(undefined);
      if (!slot.ok) {
        violations.push(`${method} ${path}: over the global limit`);
        return rateLimited(slot.retryAfterMs, true, slot.limit);
      }
    }
    if (path === "/gateway/bot" && method === "GET") {
      if (!authorized) return { status: 401, json: discordErrors.unauthorized };
      const session_start_limit = { total: 1_000, remaining: 999, reset_after: 0, max_concurrency: 1 };
      return { status: 200, json: { url: `ws://127.0.0.1:${port}/gateway`, shards: 1, session_start_limit } };
    }
    let match = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/);
    if (match && method === "PUT") {
      if (!authorized) return { status: 401, json: discordErrors.unauthorized };
      const commands = (body.json as unknown as Record<string, unknown>[]) ?? [];
      return {
        status: 200,
        json: commands.map((c) => ({ ...c, id: newId(), application_id: match?.[1], version: newId() })),
      };
    }
    match = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/);
    if (match && method === "POST") {
      const interactionToken = match[2] ?? "";
      if (originals.has(interactionToken)) return { status: 400, json: discordErrors.alreadyAcknowledged };
      const data = (body.json.data ?? {}) as Record<string, unknown>;
      const message: StoredMessage = {
        id: newId(),
        channelId: "interaction",
        body: data,
        files: body.files,
        ephemeral: (Number(data.flags ?? 0) & 64) !== 0,
        edits: 0,
        createdAt: Date.now(),
      };
      messages.set(message.id, message);
      originals.set(interactionToken, message.id);
      return { status: 204, json: undefined };
    }
    match = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/);
    if (match && (method === "PATCH" || method === "GET")) {
      const interactionToken = match[2] ?? "";
      if (expiredTokens.has(interactionToken))
        return { status: 401, json: discordErrors.invalidWebhookToken };
      const id = match[3] === "@original" ? originals.get(interactionToken) : match[3];
      if (!id) return { status: 404, json: discordErrors.unknownWebhook };
      return method === "GET"
        ? { status: 200, json: messageJson(messages.get(id) as StoredMessage, applicationId) }
        : editMessage(messages.get(id), body);
    }
    match = path.match(/^\/channels\/(\d+)\/messages(?:\/(\d+))?$/);
    if (match) {
      if (!authorized) return { status: 401, json: discordErrors.unauthorized };
      const channelId = match[1] ?? "";
      if (method === "POST" && !match[2]) {
        if (limiter) {
          const slot = limiter.take(channelId);
          if (!slot.ok) {
            violations.push(`POST ${path}: over the ${slot.global ? "global" : "channel"} limit`);
            return rateLimited(slot.retryAfterMs, slot.global, slot.limit);
          }
          const answer = postMessage(channelId, body);
          return {
            ...answer,
            headers: limitHeaders(
              channelId,
              DISCORD_LIMITS.perChannelPer5Seconds,
              slot.remaining,
              slot.resetAfterMs,
            ),
          };
        }
        return postMessage(channelId, body);
      }
      if (method === "PATCH" && match[2]) {
        const failed = channelError(channelId);
        if (failed) return { status: failed.status, json: failed };
        const message = messages.get(match[2]);
        return editMessage(message?.channelId === channelId ? message : undefined, body);
      }
    }
    return { status: 404, json: discordErrors.notFound };
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, "");
    const method = request.method ?? "GET";
    const body = await readDiscordBody(request);
    const answer = await route(method, path, request.headers.authorization === `Bot ${token}`, body);
    const json = answer.json as { code?: number } | undefined;
    calls.push({
      method,
      path,
      body: body.json,
      files: body.files,
      status: answer.status,
      errorCode: answer.status >= 400 ? json?.code : undefined,
      at: Date.now(),
    });
    send(response, answer.status, answer.json, answer.headers);
  });
  const sessions: GatewaySession[] = [];
  const readyWaiters: (() => void)[] = [];
  server.on("upgrade", (request, socket) => {
    const session = startGatewaySession(acceptWebSocket(request, socket), {
      token,
      applicationId,
      onReady(ready) {
        sessions.push(ready);
        for (const wake of readyWaiters.splice(0)) wake();
      },
    });
    socket.on("close", () => {
      const at = sessions.indexOf(session);
      if (at !== -1) sessions.splice(at, 1);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;

  return {
    /** discord.js: `rest: { api: apiRoot }` (it adds `/v10`). */
    apiRoot: `http://127.0.0.1:${port}/api`,
    token,
    applicationId,
    calls,
    /** Calls whose `METHOD /path` matches. */
    callsTo: (pattern: RegExp) => calls.filter((call) => pattern.test(`${call.method} ${call.path}`)),
    /** The messages in a channel (interaction replies are in channel "interaction"), oldest first. */
    channelMessages: (channelId: string) => [...messages.values()].filter((m) => m.channelId === channelId),
    /** The reply of an interaction, by its token. */
    interactionReply: (interactionToken: string) => messages.get(originals.get(interactionToken) ?? ""),
    /** The bots connected to the gateway stand-in and identified (READY sent). */
    gatewaySessions: sessions,
    /** Resolves once a bot has identified on the gateway. */
    waitForGatewayReady: () =>
      sessions.length > 0 ? Promise.resolve() : new Promise<void>((resolve) => readyWaiters.push(resolve)),
    /** Sends an INTERACTION_CREATE to every connected bot, as Discord does when a member runs a command. */
    dispatchInteraction(payload: unknown) {
      for (const session of sessions) session.dispatch("INTERACTION_CREATE", payload);
    },
    /** Makes a channel refuse messages as Discord does when it is deleted or the bot lost access. */
    setChannel(channelId: string, state: ChannelState) {
      channels.set(channelId, state);
    },
    /** The interaction token's 15 minutes are over: its webhook edits get 401 Invalid Webhook Token. */
    expireInteraction(interactionToken: string) {
      expiredTokens.add(interactionToken);
    },
    /** The next request matching `METHOD /path` gets this error (or a 429 with `retryAfterMs`). */
    failNext(pathPattern: RegExp, answer: DiscordErrorAnswer | { status: 429; retryAfterMs: number }) {
      nextFailures.push({ pathPattern, answer });
    },
    /** Requests made over a limit (a client should have waited). */
    violations,
    async close() {
      for (const session of [...sessions]) session.close();
      server.closeAllConnections();
      server.close();
      await once(server, "close").catch(() => {});
    },
  };
}

export type DiscordApiStandIn = Awaited<ReturnType<typeof startDiscordApiStandIn>>;
