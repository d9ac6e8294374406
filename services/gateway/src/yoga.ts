import type { Logger } from "@luma-pulse/ops";
import { createYoga } from "graphql-yoga";
import { usePerBlockResponseCache } from "./cache/usePerBlockResponseCache.ts";
import type { GatewayContext } from "./context.ts";
import { maskGatewayError } from "./errors/maskGatewayError.ts";
import { useLocalizedErrors } from "./errors/useLocalizedErrors.ts";
import { graphiqlExamples } from "./graphiqlExamples.ts";
import { healthRoutes } from "./healthRoutes.ts";
import { qrCodeRoute } from "./intents/qrCodeRoute.ts";
import { useSigningPage } from "./intents/signingPage.ts";
import { createRequestLogging } from "./logging/createRequestLogging.ts";
import type { GatewayMetrics } from "./metrics/createGatewayMetrics.ts";
import { metricsRoute } from "./metrics/metricsRoute.ts";
import { useGraphqlMetrics } from "./metrics/useGraphqlMetrics.ts";
import { createGatewayProtection, type GatewayProtection } from "./protection/createGatewayProtection.ts";
import { CSRF_HEADER } from "./protection/useCsrfProtection.ts";
import { schema } from "./schema/index.ts";

/**
 * Builds the GraphQL server (no listening: `main.ts` or a test decides). GraphQL at `/graphql`
 * with GraphiQL and a ready-made query, `/healthz` and `/readyz`, and `/metrics` when given
 * `metrics`. Internal errors are masked (and logged with the request's id); expected ones carry
 * `extensions.code`. Every response carries an `x-request-id`.
 */
export function createGatewayYoga(
  context: GatewayContext,
  {
    // Rate limits, CSRF and document limits; the defaults (in memory, no API keys) when not given.
    protection = createGatewayProtection(),
    metrics,
    logger,
  }: {
    protection?: GatewayProtection;
    /** Operation counts and latency, served at `/metrics`; neither without it. */
    metrics?: GatewayMetrics;
    /** Yoga's logs (masked errors with their request id, debug access lines); console without it. */
    logger?: Logger;
  } = {},
) {
  const requestLogging = createRequestLogging(logger);
  return createYoga<GatewayContext>({
    schema,
    context: () => context,
    graphqlEndpoint: "/graphql",
    graphiql: {
      title: "luma-pulse gateway",
      defaultQuery: graphiqlExamples,
      // Marks GraphiQL's requests as not cross-site, whichever method it picks.
      additionalHeaders: { [CSRF_HEADER]: "graphiql" },
    },
    // Internal errors stay masked; an unreachable chain or database becomes a retryable code.
    maskedErrors: { maskError: maskGatewayError },
    landingPage: false,
    // Yoga's default CORS (any origin), plus the headers a browser client needs to read: the request
    // id to quote in a support request, and when to retry after a 429.
    cors: {
      exposedHeaders: [
        "x-request-id",
        "retry-after",
        "ratelimit-limit",
        "ratelimit-remaining",
        "ratelimit-reset",
      ],
    },
    logging: requestLogging.yogaLogger,
    // Request ids first, so every response has one; health and metrics routes answer before the
    // rate limit sees the request.
    plugins: [
      requestLogging.plugin,
      healthRoutes(context),
      ...(metrics ? [metricsRoute(metrics.registry)] : []),
      useSigningPage(),
      qrCodeRoute(context),
      ...protection.plugins,
      useLocalizedErrors(),
      // Before the cache: its answers are counted, and its wait for another request's answer timed.
      ...(metrics ? [useGraphqlMetrics(metrics, schema)] : []),
      // After protection: a cached answer is still rate limited and its document still checked.
      usePerBlockResponseCache(context.chainHead),
    ],
  });
}
