/**
 * The protocol's owner-settable parameters with PROTOCOL.md's defaults. The contracts enforce the
 * same bounds (contracts/src); the gateway reads the live values from the chain.
 */
export type ProtocolParameters = {
  option: {
    /** LUMA earned per day, in bps of principal (50 = 0.5%/day). */
    dailyRateBps: bigint;
    /** Total a position can earn, in bps of principal (20000 = 2×). */
    capBps: bigint;
    /** Seconds over which each earned reward releases linearly. */
    releasePeriod: bigint;
    /** Burn fee for releasing now a reward with the whole period left, in bps. */
    earlyFeeBps: bigint;
    /** SORA quota per LUMA of principal, in bps (100 = 1 SORA per 100 LUMA). */
    soraQuotaBps: bigint;
  };
  rebase: {
    /** Seconds per epoch. */
    epochLength: bigint;
    /** Index growth per epoch, in bps (5 = 0.05%). */
    rebaseRateBps: bigint;
    /** Fee on unstaking, in bps (200 = 2%). */
    claimFeeBps: bigint;
  };
  fees: {
    /** Share of every fee that buys back and burns SORA, in bps; the rest is burned as LUMA. */
    buybackShareBps: bigint;
    /** Pending LUMA needed before anyone may trigger a buyback (18 decimals). */
    buybackThreshold: bigint;
  };
};

const DAY = 86_400n;

export const defaultProtocolParameters: ProtocolParameters = {
  option: {
    dailyRateBps: 50n,
    capBps: 20_000n,
    releasePeriod: 30n * DAY,
    earlyFeeBps: 5_000n,
    soraQuotaBps: 100n,
  },
  rebase: {
    epochLength: 8n * 3_600n,
    rebaseRateBps: 5n,
    claimFeeBps: 200n,
  },
  fees: {
    buybackShareBps: 5_000n,
    buybackThreshold: 100n * 10n ** 18n,
  },
};
