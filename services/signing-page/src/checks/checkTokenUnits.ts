import { tokenDecimals } from "@luma-pulse/protocol/browser";
import type { SigningIntent, TokenAmount } from "../api/types.ts";
import type { Text } from "../i18n/translate.ts";

/** Every amount of the intent the page may show, wherever it sits. */
function amountsOf(intent: SigningIntent): TokenAmount[] {
  const { outcome } = intent;
  return [
    intent.amount,
    ...outcome.spend,
    ...outcome.receive,
    outcome.fee?.amount,
    outcome.fee?.toBuyback,
    outcome.fee?.burned,
    outcome.quotaGranted,
    outcome.quotaUsed,
    outcome.principal,
    outcome.bound?.amount,
  ].filter((amount): amount is TokenAmount => amount !== null && amount !== undefined);
}

/**
 * The page formats amounts with the decimals the gateway sends along; they must be the protocol's
 * own for that token (an 18-decimal LUMA amount sent as 15 decimals would read 1,000× larger), and
 * base units a plain number.
 */
export function checkTokenUnits(intent: SigningIntent): Text[] {
  const wrong = new Map<string, Text>();
  for (const { symbol, decimals, raw } of amountsOf(intent)) {
    const known = Object.hasOwn(tokenDecimals, symbol) && tokenDecimals[symbol as keyof typeof tokenDecimals];
    if (known !== decimals || !/^\d+$/.test(raw)) {
      wrong.set(`${symbol} ${decimals}`, { key: "check.unknownToken", params: { symbol, decimals } });
    }
  }
  return [...wrong.values()];
}
