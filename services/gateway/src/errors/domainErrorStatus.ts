import type { DomainErrorCode } from "./domainErrorMessages.ts";

/**
 * The HTTP status a response carries when it fails with one of these codes; every other code is
 * a bad request (400). Clients and proxies act on them: 429 backs off, 401 fixes the key, 503 retries.
 */
export const domainErrorStatus: Partial<Record<DomainErrorCode, number>> = {
  RATE_LIMITED: 429,
  UNKNOWN_API_KEY: 401,
  CSRF_HEADER_REQUIRED: 403,
  CHAIN_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  // Signing links: a bot or page can tell "no such link" and "too late" from a malformed request.
  UNKNOWN_INTENT: 404,
  INTENT_EXPIRED: 410,
  SERVICE_TOKEN_REQUIRED: 401,
  UNKNOWN_SERVICE_TOKEN: 401,
};
