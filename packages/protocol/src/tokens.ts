/** Decimals of the protocol's tokens (PROTOCOL.md): all 18 except the devnet's USDT. */
export const tokenDecimals = {
  POP: 18,
  LUMA: 18,
  sLUMA: 18,
  SORA: 18,
  USDT: 6,
} as const;

export type TokenSymbol = keyof typeof tokenDecimals;

/** SORA's fixed supply, all minted into the SORA/LUMA pool at launch. */
export const SORA_MAX_SUPPLY = 210_000_000n * 10n ** 18n;

/** Where the protocol's LP tokens go: locked forever. */
export const DEAD_ADDRESS = "0x000000000000000000000000000000000000dEaD" as const;
