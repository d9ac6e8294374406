import type { ChatMetrics, SendKind } from "@luma-pulse/chat";
import { type APIRequest, type REST, RESTEvents, type ResponseLike } from "discord.js";

/** What a request sends a member, by method and path (the REST's unresolved route), if anything. */
function sendKindOf(request: APIRequest): SendKind | undefined {
  const method = request.method.toUpperCase();
  const { path } = request;
  if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return "reply";
  if (method === "POST" && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return "reply"; // a follow-up
  if (method === "POST" && /^\/channels\/\d+\/messages$/.test(path)) return "reply"; // /stats post
  if (method === "PATCH" && /^\/(webhooks\/\d+\/[^/]+|channels\/\d+)\/messages\/[^/]+$/.test(path))
    return "edit";
  return undefined;
}

/**
 * The outcome of an answer, from its status alone (its body is the caller's to read): the kinds the
 * delivery worker records, for 403 and 404 "gone" (no access, the channel or message deleted).
 */
function resultOf(status: number): string {
  if (status >= 200 && status < 300) return "sent";
  if (status === 429) return "retry_after";
  if (status === 403 || status === 404) return "gone";
  return status >= 400 && status < 500 && status !== 401 ? "rejected" : "failed";
}

/**
 * Counts what Discord answers `rest`, one HTTP response at a time (each retry too): every 429
 * (`luma_chat_rate_limited_total`; not the waits the REST imposes on itself before asking), and with
 * `countSends` the bot's replies and edits (`luma_chat_sends_total`). The alert REST counts 429s
 * only: the delivery worker counts its alerts by the outcome it acts on.
 */
export function countRestResponses(rest: REST, metrics: ChatMetrics, options: { countSends: boolean }): void {
  rest.on(RESTEvents.Response, (request: APIRequest, response: ResponseLike) => {
    if (response.status === 429) metrics.rateLimited.inc({ platform: "discord" });
    const kind = options.countSends ? sendKindOf(request) : undefined;
    if (kind) metrics.sends.inc({ platform: "discord", kind, result: resultOf(response.status) });
  });
}
