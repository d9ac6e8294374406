import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { Message, Update } from "grammy/types";
import { BotApiError } from "./BotApiError.ts";
import { botMethods } from "./botMethods.ts";
import type { MemberStatus } from "./chatMember.ts";
import { chatMethods } from "./chatMethods.ts";
import { type BlockReason, createChatDirectory } from "./createChatDirectory.ts";
import { createMessageStore } from "./createMessageStore.ts";
import { createPhotoStore } from "./createPhotoStore.ts";
import {
  createSendLimiter,
  type SendKind,
  type SendLimits,
  TELEGRAM_SEND_LIMITS,
} from "./createSendLimiter.ts";
import { createUpdateQueue } from "./createUpdateQueue.ts";
import { editMethods } from "./editMethods.ts";
import type { MethodHandler } from "./MethodHandler.ts";
import { messageMethods } from "./messageMethods.ts";
import type { RecordedCall } from "./RecordedCall.ts";
import { readRequestParams } from "./readRequestParams.ts";
import { TEST_BOT, type TestBot, testBotToken } from "./testBot.ts";
import { updateMethods } from "./updateMethods.ts";
import { waitForCall } from "./waitForCall.ts";

/** How the stand-in plays Telegram. */
export type BotApiStandInOptions = {
  /** Defaults to a BotFather-shaped token for `bot`. */
  token?: string;
  /** Defaults to {@link TEST_BOT}. */
  bot?: TestBot;
  /** Telegram's send limits by default; `false` lets everything through. */
  limits?: SendLimits | false;
  /** Delay before every answer, as a far-away Telegram adds (limits count the request on arrival). */
  latencyMs?: number;
};

/** A local Telegram Bot API: point grammY at it with `new Bot(token, { client: { apiRoot } })`. */
export type BotApiStandIn = {
  apiRoot: string;
  token: string;
  /** Every answered request, in the order answered. */
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Successful sendMessage/sendPhoto calls, to one chat or all. */
  sentMessages(chatId?: number | string): RecordedCall[];
  /** What getChatMember answers for the user (default "member"); admins are listed by getChatAdministrators. */
  setChatMember(chatId: number | string, userId: number, status: MemberStatus): void;
  /** From now on the chat answers like one that blocked ("blocked"), removed ("kicked") or never had the bot. */
  blockChat(chatId: number | string, how?: BlockReason): void;
  /** The next call to `method` fails with `error`; a 429's retry_after opens that chat's window. */
  failNext(
    method: string,
    error: { error_code: number; description: string; parameters?: { retry_after?: number } },
  ): void;
  /** Queues an update for getUpdates (or the webhook, when one is set). */
  pushUpdate(update: Update): void;
  /** The first call (already made or still to come) matching `predicate`; rejects after `timeoutMs` (5 s). */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Sends made inside a retry_after window: a bot that honours 429s leaves this empty. */
  violations: string[];
  close(): Promise<void>;
};

// The methods the send limits count: new messages count everywhere, edits only in their chat.
const LIMITED_METHODS: Record<string, SendKind> = {
  sendMessage: "send",
  sendPhoto: "send",
  editMessageText: "edit",
  editMessageCaption: "edit",
  editMessageReplyMarkup: "edit",
};

/** Starts the stand-in on 127.0.0.1 at a free port. */
export async function startBotApiStandIn(options: BotApiStandInOptions = {}): Promise<BotApiStandIn> {
  const bot = options.bot ?? TEST_BOT;
  const token = options.token ?? testBotToken(bot);
  const directory = createChatDirectory();
  const store = createMessageStore(bot, directory);
  const queue = createUpdateQueue();
  const limiter = createSendLimiter(options.limits ?? TELEGRAM_SEND_LIMITS);
  const updates = updateMethods(queue);
  const methods: Record<string, MethodHandler> = {
    ...messageMethods({ directory, store, photos: createPhotoStore() }),
    ...editMethods({ directory, store }),
    ...chatMethods(directory),
    ...botMethods(bot),
    ...updates.methods,
  };
  // Telegram's method names are case-insensitive.
  const byLowerName = new Map(
    Object.entries(methods).map(([name, handler]) => [name.toLowerCase(), { name, handler }]),
  );
  const failures = new Map<string, BotApiError[]>();
  const calls: RecordedCall[] = [];
  const watchers = new Set<(call: RecordedCall) => void>();

  function dispatch(call: RecordedCall, handler: MethodHandler, signal: AbortSignal): unknown {
    const forced = failures.get(call.method.toLowerCase())?.shift();
    if (forced) {
      const retryAfter = forced.parameters?.retry_after;
      if (forced.errorCode === 429 && retryAfter && call.chatId)
        limiter.penalize(call.chatId, retryAfter, call.at);
      throw forced;
    }
    const kind = LIMITED_METHODS[call.method];
    if (kind && call.chatId) limiter.admit(call.method, kind, call.chatId, call.at);
    const result = handler({ params: call.params, files: call.files, signal });
    if (kind && call.chatId) limiter.record(kind, call.chatId, call.at);
    return result;
  }

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [, callToken, methodName = url.pathname] = /^\/bot([^/]+)\/([^/]+)$/.exec(url.pathname) ?? [];
    const aborted = new AbortController();
    res.on("close", () => aborted.abort());
    const call: RecordedCall = { method: methodName, params: {}, files: {}, at: Date.now(), ok: false };
    try {
      const method = byLowerName.get(methodName.toLowerCase());
      if (callToken === undefined) throw new BotApiError(404, "Not Found");
      if (callToken !== token) throw new BotApiError(401, "Unauthorized");
      if (!method) throw new BotApiError(404, "Not Found");
      Object.assign(call, await readRequestParams(req, url), { method: method.name, at: Date.now() });
      if (call.params.chat_id !== undefined) call.chatId = String(call.params.chat_id);
      call.result = await dispatch(call, method.handler, aborted.signal);
      call.ok = true;
      if (isMessage(call.result)) call.message = call.result;
    } catch (error) {
      // Anything but a BotApiError is a bug in the stand-in: shown, and answered as Telegram's 500.
      if (!(error instanceof BotApiError)) console.error(`Bot API stand-in failed on ${call.method}:`, error);
      const failure =
        error instanceof BotApiError ? error : new BotApiError(500, `Internal Server Error: ${error}`);
      const { errorCode, description, parameters } = failure;
      Object.assign(call, { errorCode, description }, parameters && { parameters });
    }
    calls.push(call);
    for (const watch of watchers) watch(call);
    if (options.latencyMs) await sleep(options.latencyMs);
    const body = call.ok
      ? { ok: true, result: call.result }
      : { ok: false, error_code: call.errorCode, description: call.description, parameters: call.parameters };
    res.writeHead(call.ok ? 200 : (call.errorCode ?? 500), { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  const server = createServer((req, res) => void answer(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const sends = new Set(["sendMessage", "sendPhoto"]);
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    sentMessages: (chatId) =>
      calls.filter(
        (call) =>
          call.ok && sends.has(call.method) && (chatId === undefined || call.chatId === String(chatId)),
      ),
    setChatMember: (chatId, userId, status) => directory.setMember(Number(chatId), userId, status),
    blockChat: (chatId, how = "blocked") => directory.block(Number(chatId), how),
    failNext(method, { error_code, description, parameters }) {
      const queued = failures.get(method.toLowerCase()) ?? [];
      queued.push(new BotApiError(error_code, description, parameters));
      failures.set(method.toLowerCase(), queued);
    },
    pushUpdate(update) {
      directory.rememberUpdate(update);
      queue.push(update);
    },
    waitFor: (predicate, timeoutMs = 5000) => waitForCall(calls, watchers, predicate, timeoutMs),
    violations: limiter.violations,
    async close() {
      updates.close();
      queue.close();
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
    },
  };
}

function isMessage(result: unknown): result is Message {
  return typeof result === "object" && result !== null && "message_id" in result && "chat" in result;
}
