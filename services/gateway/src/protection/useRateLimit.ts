import type { Plugin } from "graphql-yoga";
import { RateLimiterRes } from "rate-limiter-flexible";
import { DomainError } from "../errors/domainError.ts";
import type { Locale } from "../errors/domainErrorMessages.ts";
import { negotiateLocale } from "../errors/negotiateLocale.ts";
import { clientAddress } from "./clientAddress.ts";
import { codedErrorResponse } from "./codedErrorResponse.ts";
import type { ApiKeyRegistry } from "./createApiKeyRegistry.ts";
import type { RateLimiters } from "./createRateLimiters.ts";

/** The header third parties send their key in. */
export const API_KEY_HEADER = "x-api-key";

export type RateLimitOptions = {
  limiters: RateLimiters;
  apiKeys: ApiKeyRegistry;
  trustProxyHops: number;
  /** Only this path is limited: `/healthz` and `/readyz` stay free for load balancers. */
  graphqlEndpoint: string;
  log: (message: string) => void;
  /** Called for each request refused with 429, with the budget it spent (the gateway's metrics). */
  onRateLimited?: (by: RateLimitedBy) => void;
};

/** Which budget a refused request had spent. */
export type RateLimitedBy = "ip" | "api_key";

type Budget = { limit: number; result: RateLimiterRes };

/**
 * Rate limits GraphQL requests: a request with a known `x-api-key` spends its key's (larger)
 * budget, any other request its client address's. Over budget → 429 with `Retry-After` and a
 * RATE_LIMITED error; an unknown key → 401 UNKNOWN_API_KEY (never silently anonymous), after
 * spending the address's budget so keys cannot be guessed at speed. Answers carry `RateLimit-*`
 * headers. If the limiter's store fails outright, the request is served (and the failure logged).
 */
export function useRateLimit(options: RateLimitOptions): Plugin {
  const { limiters, apiKeys, trustProxyHops, graphqlEndpoint, log, onRateLimited } = options;
  const budgets = new WeakMap<Request, Budget>();

  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlEndpoint || request.method === "OPTIONS") return;
      const locale = negotiateLocale(request.headers.get("accept-language"));
      const presented = request.headers.get(API_KEY_HEADER);
      const keyName = presented === null ? undefined : apiKeys.nameOf(presented);
      // In-process calls (yoga.fetch) have no address: only network clients are limited.
      const address = clientAddress(request, socketAddressOf(serverContext), trustProxyHops);
      const [limiter, bucket] = keyName ? [limiters.apiKey, `key:${keyName}`] : [limiters.ip, address];
      if (limiter && bucket) {
        try {
          budgets.set(request, { limit: limiter.points, result: await limiter.consume(bucket) });
        } catch (rejection) {
          if (rejection instanceof RateLimiterRes) {
            onRateLimited?.(keyName ? "api_key" : "ip");
            endResponse(tooManyRequests(fetchAPI, { limit: limiter.points, result: rejection }, locale));
            return;
          }
          log(`rate limit: the limiter failed, serving unlimited: ${(rejection as Error).message}`);
        }
      }
      if (presented !== null && !keyName) {
        endResponse(
          codedErrorResponse(
            fetchAPI,
            new DomainError("UNKNOWN_API_KEY", { header: API_KEY_HEADER }, locale),
          ),
        );
      }
    },
    onResponse({ request, response }) {
      const budget = budgets.get(request);
      if (!budget) return;
      for (const [name, value] of Object.entries(rateLimitHeaders(budget))) response.headers.set(name, value);
    },
  };
}

/** 429 with `Retry-After` (whole seconds, at least 1) and a RATE_LIMITED error in `locale`. */
function tooManyRequests(fetchAPI: { Response: typeof Response }, budget: Budget, locale: Locale): Response {
  const retryAfterSeconds = Math.max(1, Math.ceil(budget.result.msBeforeNext / 1000));
  return codedErrorResponse(fetchAPI, new DomainError("RATE_LIMITED", { retryAfterSeconds }, locale), {
    "retry-after": String(retryAfterSeconds),
    ...rateLimitHeaders(budget),
  });
}

/** The IETF draft's `RateLimit-*` headers, so well-behaved clients can pace themselves. */
function rateLimitHeaders({ limit, result }: Budget): Record<string, string> {
  return {
    "ratelimit-limit": String(limit),
    "ratelimit-remaining": String(Math.max(0, result.remainingPoints)),
    "ratelimit-reset": String(Math.max(0, Math.ceil(result.msBeforeNext / 1000))),
  };
}

/** The TCP peer when yoga runs on node:http (`serverContext.req`); absent for in-process fetch. */
function socketAddressOf(serverContext: unknown): string | undefined {
  return (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket
    ?.remoteAddress;
}
