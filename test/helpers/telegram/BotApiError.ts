import type { ResponseParameters } from "grammy/types";

/**
 * A failure the stand-in answers with Telegram's error envelope
 * (`{ ok: false, error_code, description, parameters? }`, HTTP status = `error_code`).
 */
export class BotApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }
}

/** 400 with Telegram's "Bad Request: " prefix. */
export function badRequest(what: string): BotApiError {
  return new BotApiError(400, `Bad Request: ${what}`);
}
