/**
 * The ready-made operations GraphiQL opens with (Protocol, Yields, Account, Sora), one document:
 * a newcomer runs each by name. Benchmarks send the same document with an `operationName`, so
 * what is measured is what people first see.
 */
export const graphiqlExamples = `# The deployment this gateway serves, and how fresh its answers are.
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
