import { randomUUID } from "node:crypto";

/** The header a request id comes in (from a proxy or a client) and goes back out in. */
export const REQUEST_ID_HEADER = "x-request-id";

// Ids are logged and echoed: only short, plain ones are taken as given (no log or header injection).
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's `x-request-id` when it is a plain id of at most 128 characters, else a new UUID. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get(REQUEST_ID_HEADER);
  return given !== null && ACCEPTED_ID.test(given) ? given : randomUUID();
}
