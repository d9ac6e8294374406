import type { Message, ResponseParameters } from "grammy/types";

/** A file that came with a request (multipart upload), keyed in {@link RecordedCall.files} by the parameter naming it. */
export type UploadedFile = {
  fileName: string;
  contentType?: string;
  byteLength: number;
  /** The bytes start with PNG's signature. */
  isPng: boolean;
  bytes: Buffer;
};

/** One request the stand-in answered, in the order the answers were given. */
export type RecordedCall = {
  /** Telegram's spelling (`sendMessage`), whatever case the client used. */
  method: string;
  /** `chat_id` as a string, when the call has one. */
  chatId?: string;
  /** The parameters as sent; JSON-serialized ones (reply_markup, entities, scope…) decoded. */
  params: Record<string, unknown>;
  files: Record<string, UploadedFile>;
  /** `Date.now()` when the request had been read, the instant the limits count. */
  at: number;
  ok: boolean;
  errorCode?: number;
  description?: string;
  /** What came with a failure, e.g. a 429's `retry_after`. */
  parameters?: ResponseParameters;
  result?: unknown;
  /** The message a successful send or edit produced, as Telegram returned it. */
  message?: Message;
};
