import { createYoga } from "graphql-yoga";
import type { GatewayContext } from "./context.ts";
import { maskGatewayError } from "./errors/maskGatewayError.ts";
import { useLocalizedErrors } from "./errors/useLocalizedErrors.ts";
import { healthRoutes } from "./healthRoutes.ts";
import { createGatewayProtection, type GatewayProtection } from "./protection/createGatewayProtection.ts";
import { CSRF_HEADER } from "./protection/useCsrfProtection.ts";
import { schema } from "./schema/index.ts";

const exampleQuery = `# The deployment this gateway serves, and how fresh its answers are.
query Protocol {
  protocol {
    chainId
    block { number timestamp }
    indexer { indexedBlock lagBlocks }
    contracts { name address }
    parameters {
      option { dailyRateBps capBps releasePeriodSeconds earlyFeeBps soraQuotaBps }
      rebase { epochLengthSeconds rebaseRateBps claimFeeBps }
      fees { buybackShareBps buybackThreshold }
    }
  }
}

# Yields, each with how it was computed.
query Yields {
  yields {
    block { number timestamp }
    rebase {
      apr { percent basis }
      apy { percent basis }
      realised7d { percent basis }
      netApy(holdingDays: 30) { percent basis }
      lumaInflation { percent basis }
      realApy { percent }
      nextRebaseAt
    }
    option { dailyRatePercent capMultiple daysToCap earlyFeeCurve { daysRemaining feePercent } }
  }
}

# A wallet: balances, option positions (claimable, locked, early fee now), sLUMA, SORA quota.
# (On the devnet this is the first seeded member: anvil's dev account #4.)
query Account {
  account(address: "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65") {
    block { number timestamp }
    luma { formatted }
    sLuma { formatted }
    sLumaGrowth { netDeposited { formatted } growth { formatted } growth7d { formatted } }
    soraQuota { formatted }
    optionPositions {
      id openedAt principal { formatted } earned { formatted } claimable { formatted }
      locked { formatted } earlyReleaseFeeNow { formatted } fullyReleasedAt
      popStaked { formatted } released { formatted } earlyReleasePayoutNow { formatted } breakEvenOfWaiting
    }
  }
}

# SORA: burned, its share of the fixed supply, burn rate, price since launch, milestones.
query Sora {
  sora {
    block { number timestamp }
    burned { formatted }
    burnedPercent
    circulating { formatted }
    burned24h { formatted }
    burned7d { formatted }
    price { usd luma launchUsd multipleSinceLaunch }
    milestones { percent reachedAt txHash }
  }
}
`;

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
      defaultQuery: exampleQuery,
      // Marks GraphiQL's requests as not cross-site, whichever method it picks.
      additionalHeaders: { [CSRF_HEADER]: "graphiql" },
    },
    // Internal errors stay masked; an unreachable chain or database becomes a retryable code.
    maskedErrors: { maskError: maskGatewayError },
    landingPage: false,
    // Health routes first: they answer before the rate limit sees the request.
    plugins: [healthRoutes(context), ...protection.plugins, useLocalizedErrors()],
  });
}
