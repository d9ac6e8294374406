import type { Logger } from "@luma-pulse/ops";
import type { ExecutionResult } from "graphql";
import { handleStreamOrSingleExecutionResult, type Plugin, type YogaLogger } from "graphql-yoga";
import { maskUrlsIn } from "../chainConfig/maskUrlsIn.ts";
import { REQUEST_ID_HEADER, requestIdOf } from "./requestIdOf.ts";
import { withMaskedErrors } from "./withMaskedErrors.ts";

/** Request ids for the gateway, and yoga's logger writing through the service's logger. */
export type RequestLogging = {
  /** Gives every request an id, echoes it as `x-request-id`, and ties the request's errors to it. */
  plugin: Plugin;
  /** For yoga's `logging` option; undefined without a logger (yoga's console logger then). */
  yogaLogger: YogaLogger | undefined;
};

type ErrorsPayload = { args: { contextValue: unknown }; result: ExecutionResult };
type ExecuteHooks = Exclude<Awaited<ReturnType<NonNullable<Plugin["onExecute"]>>>, void>;
type SubscribeHooks = Exclude<Awaited<ReturnType<NonNullable<Plugin["onSubscribe"]>>>, void>;

/**
 * Request ids and logs for the gateway. Every request gets an id — the caller's `x-request-id` when
 * it is a plain id, else a new one — which the response echoes, so that a user's report ("request id
 * abc") leads to the log. Yoga logs each error it masks (the real cause, which the client never
 * sees) without knowing the request: the plugin remembers which request each execution error came
 * from, and the yoga logger writes it on the line. One access line per request, at debug level only:
 * at thousands of requests a second, info lines would cost more than the answers.
 */
export function createRequestLogging(logger?: Logger): RequestLogging {
  const requestIds = new WeakMap<Request, string>();
  // Filled only for results with errors: nothing is stored for a successful answer.
  const errorRequestIds = new WeakMap<object, string>();
  const idOf = (request: Request) => {
    let id = requestIds.get(request);
    if (id === undefined) {
      id = requestIdOf(request);
      requestIds.set(request, id);
    }
    return id;
  };
  const tagErrors = ({ args, result }: ErrorsPayload) => {
    if (!result.errors?.length) return;
    const request = (args.contextValue as { request?: Request }).request;
    const id = request && requestIds.get(request);
    if (id !== undefined) for (const error of result.errors) errorRequestIds.set(error, id);
  };
  // Constant hooks: they run before yoga's masking (it is installed after every plugin of ours).
  const executeHooks: ExecuteHooks = {
    onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, tagErrors),
  };
  const subscribeHooks: SubscribeHooks = {
    onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, tagErrors),
  };

  const plugin: Plugin = {
    onRequest({ request }) {
      idOf(request);
    },
    onExecute: () => executeHooks,
    onSubscribe: () => subscribeHooks,
    onResponse({ request, response }) {
      const requestId = idOf(request);
      response.headers.set(REQUEST_ID_HEADER, requestId);
      if (logger?.isLevelEnabled("debug")) {
        const { pathname } = new URL(request.url, "http://gateway");
        logger.debug(
          { requestId, method: request.method, path: pathname, status: response.status },
          "request",
        );
      }
    },
  };
  return { plugin, yogaLogger: logger && toYogaLogger(withMaskedErrors(logger), errorRequestIds) };
}

/**
 * Yoga's logger interface on pino; an error yoga masked carries its request's id and field path. A
 * masked error is often the chain's (CHAIN_UNAVAILABLE): viem's text names the RPC URL, so URLs in
 * the text are masked, and `logger` masks the `err` field.
 */
function toYogaLogger(logger: Logger, errorRequestIds: WeakMap<object, string>): YogaLogger {
  const text = (args: unknown[]) => maskUrlsIn(args.map(String).join(" "));
  return {
    debug: (...args: unknown[]) => {
      if (logger.isLevelEnabled("debug")) logger.debug(text(args));
    },
    info: (...args: unknown[]) => logger.info(text(args)),
    warn: (...args: unknown[]) => logger.warn(text(args)),
    error: (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      if (!error) return logger.error(text(args));
      // A resolver's error arrives wrapped (GraphQLError with the field's path): log the cause itself.
      const { originalError, path } = error as Error & { originalError?: Error; path?: readonly unknown[] };
      const cause = originalError ?? error;
      logger.error(
        { requestId: errorRequestIds.get(error), path: path?.join("."), err: cause },
        `masked error: ${maskUrlsIn(cause.message)}`,
      );
    },
  };
}
