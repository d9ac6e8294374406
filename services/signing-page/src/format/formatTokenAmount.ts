import { formatAmount } from "@luma-pulse/protocol/browser";

/** Fraction digits the gateway's `TokenAmount.formatted` (and so the bots) round to. */
export const SHOWN_FRACTION_DIGITS = 6;

/**
 * "1,234.5 LUMA" from exact base units (no float): the page's one amount formatter. It rounds
 * exactly like the gateway's `formatted` (half up, 6 fraction digits, grouped), so the bot, the
 * gateway and the page show the same number; a dust amount reads "0" there too, and its exact
 * base units are in the step's call below.
 */
export function formatTokenAmount(amount: {
  readonly raw: string | bigint;
  readonly decimals: number;
  readonly symbol: string;
}): string {
  const digits = formatAmount(BigInt(amount.raw), amount.decimals, {
    maxFractionDigits: SHOWN_FRACTION_DIGITS,
  });
  return `${digits} ${amount.symbol}`;
}

/**
 * Every digit of an amount ("100.000000000000000001 LUMA"): for the page's refusals, where two
 * amounts that differ in the 18th decimal must not both read "100 LUMA".
 */
export function formatExactTokenAmount(amount: Parameters<typeof formatTokenAmount>[0]): string {
  return `${formatAmount(BigInt(amount.raw), amount.decimals)} ${amount.symbol}`;
}
