import { createYoga } from "graphql-yoga";
import { usePerBlockResponseCache } from "./cache/usePerBlockResponseCache.ts";
import type { GatewayContext } from "./context.ts";
import { maskGatewayError } from "./errors/maskGatewayError.ts";
import { useLocalizedErrors } from "./errors/useLocalizedErrors.ts";
import { graphiqlExamples } from "./graphiqlExamples.ts";
import { healthRoutes } from "./healthRoutes.ts";
import { qrCodeRoute } from "./intents/qrCodeRoute.ts";
import { useSigningPage } from "./intents/signingPage.ts";
import { createGatewayProtection, type GatewayProtection } from "./protection/createGatewayProtection.ts";
import { CSRF_HEADER } from "./protection/useCsrfProtection.ts";
import { schema } from "./schema/index.ts";

/**
 * Builds the GraphQL server (no listening: `main.ts` or a test decides). GraphQL at `/graphql`
 * with GraphiQL and a ready-made query, `/healthz` and `/readyz`. Internal errors are masked;
 * expected ones carry `extensions.code`.
 */
export function createGatewayYoga(
  context: GatewayContext,
  // Rate limits, CSRF and document limits; the defaults (in memory, no API keys) when not given.
  { protection = createGatewayProtection() }: { protection?: GatewayProtection } = {},
) {
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
    // Health routes first: they answer before the rate limit sees the request.
    plugins: [
      healthRoutes(context),
      useSigningPage(),
      qrCodeRoute(context),
      ...protection.plugins,
      useLocalizedErrors(),
      // After protection: a cached answer is still rate limited and its document still checked.
      usePerBlockResponseCache(context.chainHead),
    ],
  });
}
