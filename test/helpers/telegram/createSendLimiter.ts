import { BotApiError } from "./BotApiError.ts";

/** Telegram's broadcast limits; {@link TELEGRAM_SEND_LIMITS} are the documented ones. */
export type SendLimits = { globalPerSecond: number; perChatPerSecond: number; perGroupPerMinute: number };

/** About 30 messages a second overall, 1 a second to one chat, 20 a minute to one group. */
export const TELEGRAM_SEND_LIMITS: SendLimits = {
  globalPerSecond: 30,
  perChatPerSecond: 1,
  perGroupPerMinute: 20,
};

/** New messages count against every limit; edits only against their chat's. */
export type SendKind = "send" | "edit";

/** Counts sends in exact sliding windows and remembers the retry_after windows it handed out. */
export type SendLimiter = {
  /** Sends made inside a retry_after window, in order. */
  violations: string[];
  /** Throws Telegram's 429 if a send to `chatId` at `now` is over a limit or inside a retry_after window. */
  admit(method: string, kind: SendKind, chatId: string, now: number): void;
  /** Counts a send that went through. */
  record(kind: SendKind, chatId: string, now: number): void;
  /** Opens a retry_after window for `chatId` (a 429 the test forced). */
  penalize(chatId: string, retryAfterSeconds: number, now: number): void;
};

type Limit = { key: string; scope: string; points: number; durationMs: number };

/** A limiter enforcing `limits`; with `false` only retry_after windows from forced 429s apply. */
export function createSendLimiter(limits: SendLimits | false): SendLimiter {
  const sent = new Map<string, number[]>(); // accepted sends per limit key, oldest first
  const retryUntil = new Map<string, number>(); // "global" or a chat id → end of its window
  const violations: string[] = [];

  function limitsFor(kind: SendKind, chatId: string): Limit[] {
    if (!limits) return [];
    const chat: Limit[] = [
      { key: `chat:${chatId}`, scope: chatId, points: limits.perChatPerSecond, durationMs: 1000 },
    ];
    if (chatId.startsWith("-")) {
      chat.push({
        key: `group:${chatId}`,
        scope: chatId,
        points: limits.perGroupPerMinute,
        durationMs: 60_000,
      });
    }
    if (kind === "edit") return chat;
    return [{ key: "global", scope: "global", points: limits.globalPerSecond, durationMs: 1000 }, ...chat];
  }

  function recentSends(limit: Limit, now: number): number[] {
    const times = sent.get(limit.key) ?? [];
    while (times.length > 0 && (times[0] ?? 0) <= now - limit.durationMs) times.shift();
    return times;
  }

  return {
    violations,
    admit(method, kind, chatId, now) {
      for (const scope of ["global", chatId]) {
        const until = retryUntil.get(scope) ?? 0;
        if (now < until) {
          const whose = scope === "global" ? "the global" : "its chat's";
          violations.push(
            `${method} to ${chatId} ${until - now} ms before ${whose} retry_after window ended`,
          );
          throw tooManyRequests(until - now);
        }
      }
      for (const limit of limitsFor(kind, chatId)) {
        const recent = recentSends(limit, now);
        if (recent.length < limit.points) continue;
        // The send that has to leave the window before one more fits in it.
        const freeAt = (recent[recent.length - limit.points] ?? now) + limit.durationMs;
        const error = tooManyRequests(freeAt - now);
        retryUntil.set(limit.scope, now + (error.parameters?.retry_after ?? 1) * 1000);
        throw error;
      }
    },
    record(kind, chatId, now) {
      for (const limit of limitsFor(kind, chatId)) {
        const times = recentSends(limit, now);
        times.push(now);
        sent.set(limit.key, times);
      }
    },
    penalize(chatId, retryAfterSeconds, now) {
      retryUntil.set(chatId, Math.max(retryUntil.get(chatId) ?? 0, now + retryAfterSeconds * 1000));
    },
  };
}

function tooManyRequests(waitMs: number): BotApiError {
  const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
  return new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
}
