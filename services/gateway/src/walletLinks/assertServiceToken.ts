import { createHash, timingSafeEqual } from "node:crypto";
import type { GatewayContext } from "../context.ts";
import { domainError } from "../errors/domainError.ts";

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Whether `given` is the service token. Compared as SHA-256 digests with `timingSafeEqual`: equal
 * lengths whatever was sent, and the time taken says nothing about how much of it was right.
 */
function isServiceToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Lets a request through only when it carries the bots' shared secret in `Authorization: Bearer
 * <GATEWAY_SERVICE_TOKEN>`: the operations that act for a chat user (open a link challenge, list or
 * revoke links) must not be open to whoever knows a user id. No token configured: they all refuse.
 */
export function assertServiceToken(ctx: GatewayContext): void {
  const expected = ctx.signing.serviceToken;
  if (!expected) throw domainError("SERVICE_TOKEN_REQUIRED", { configured: false });
  // Yoga builds each request's context on its own initial one, which holds the HTTP request.
  const { request } = ctx as GatewayContext & { request?: Request };
  const given = BEARER.exec(request?.headers.get("authorization") ?? "")?.[1];
  if (!given) throw domainError("SERVICE_TOKEN_REQUIRED", { configured: true });
  if (!isServiceToken(given, expected)) throw domainError("UNKNOWN_SERVICE_TOKEN", {});
}
