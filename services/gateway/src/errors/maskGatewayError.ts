import { GraphQLError } from "graphql";
import { maskError } from "graphql-yoga";
import { domainErrorMessages } from "./domainErrorMessages.ts";
import { findUnavailableService } from "./findUnavailableService.ts";

const UNAVAILABLE_CODE = { chain: "CHAIN_UNAVAILABLE", database: "DATABASE_UNAVAILABLE" } as const;

/**
 * Yoga's `maskError`: errors of our own making (DomainError, validation) pass as they are; a chain
 * RPC or database that cannot be reached becomes a clear, retryable CHAIN_UNAVAILABLE /
 * DATABASE_UNAVAILABLE (worded by the catalog, so it is localized like any domain error); anything
 * else is masked as INTERNAL_SERVER_ERROR. Yoga logs the real cause of every error this replaces,
 * once; nothing of it reaches the client.
 */
export function maskGatewayError(error: unknown, message: string, isDev?: boolean): Error {
  const service = findUnavailableService(error);
  if (!service) return maskError(error, message, isDev);
  const located = error instanceof GraphQLError ? error : undefined;
  const code = UNAVAILABLE_CODE[service];
  // No HTTP status: the other fields of the answer are still good, and the code says "retry".
  return new GraphQLError(domainErrorMessages[code].en({}), {
    nodes: located?.nodes,
    source: located?.source,
    positions: located?.positions,
    path: located?.path,
    extensions: { code, params: {}, retryable: true },
  });
}
