import { parseUnits } from "viem";

/**
 * The real protocol's figures (PROTOCOL.md) that a seeded devnet reproduces, so a demo looks like
 * the real thing: launched 14 December, 161,076,068.906 SORA burned (76.7%) and SORA at about $0.03.
 */
export const seedTargets = {
  launchTime: new Date("2025-12-14T04:00:00Z"),
  soraBurned: parseUnits("161076068.906", 18),
  /** USD per SORA with 6 decimals (USDT's), i.e. $0.03. */
  soraUsdPrice: parseUnits("0.03", 6),
} as const;
