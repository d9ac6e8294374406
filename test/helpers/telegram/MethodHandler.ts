import type { Params } from "./paramReaders.ts";
import type { UploadedFile } from "./RecordedCall.ts";

/** What a Bot API method gets from the request. */
export type MethodRequest = {
  params: Params;
  files: Record<string, UploadedFile>;
  /** Aborted when the client goes away (a cancelled long poll). */
  signal: AbortSignal;
};

/**
 * Answers one Bot API method with its `result`, or throws a `BotApiError`. Sending methods answer
 * synchronously, so that checking the limits, sending and counting the send happen in one turn.
 */
export type MethodHandler = (request: MethodRequest) => unknown;
