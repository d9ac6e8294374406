import { GatewayError } from "./GatewayError.ts";

/** One entry of a GraphQL response's `errors`, as the gateway sends it. */
export type GraphqlErrorEntry = {
  message?: string;
  extensions?: { code?: unknown; params?: unknown; retryable?: unknown };
};

/**
 * The first error of a GraphQL response as a {@link GatewayError}. The first one is enough: the
 * operations of this package ask one root field each, so a second error is about the same thing.
 */
export function gatewayErrorOf(errors: readonly GraphqlErrorEntry[], status: number): GatewayError {
  const first = errors[0] ?? {};
  const extensions = first.extensions ?? {};
  const code = typeof extensions.code === "string" ? extensions.code : "INTERNAL_SERVER_ERROR";
  const params = isRecord(extensions.params) ? extensions.params : {};
  return new GatewayError(code, params, {
    message: `gateway ${status}: ${code}: ${first.message ?? ""}`,
    retryable: extensions.retryable === true ? true : undefined,
  });
}

/** The error for a request that never got a GraphQL answer (network, timeout, a proxy's error page). */
export function unavailableError(
  reason: "timeout" | "network" | "http",
  detail: string,
  cause?: unknown,
): GatewayError {
  return new GatewayError(
    "GATEWAY_UNAVAILABLE",
    { reason },
    { message: `gateway unavailable (${reason}): ${detail}`, cause },
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
