import { z } from "zod";
import type { Locale } from "../../i18n/Locale.ts";
import type { GatewayClient } from "../createGatewayClient.ts";
import { BLOCK, bigIntString, block, dateTimeString, TOKEN_AMOUNT, tokenAmount } from "../scalars.ts";

export const ACCOUNT_DOCUMENT = `query ChatAccount($address: Address!) {
  account(address: $address) {
    address block { ${BLOCK} }
    pop { ${TOKEN_AMOUNT} } luma { ${TOKEN_AMOUNT} } sora { ${TOKEN_AMOUNT} } sLuma { ${TOKEN_AMOUNT} }
    soraQuota { ${TOKEN_AMOUNT} }
    sLumaGrowth { netDeposited { ${TOKEN_AMOUNT} } growth { ${TOKEN_AMOUNT} } growth7d { ${TOKEN_AMOUNT} } }
    optionPositions {
      id openedAt popStaked { ${TOKEN_AMOUNT} } principal { ${TOKEN_AMOUNT} } earned { ${TOKEN_AMOUNT} }
      released { ${TOKEN_AMOUNT} } claimable { ${TOKEN_AMOUNT} } locked { ${TOKEN_AMOUNT} }
      earlyReleaseFeeNow { ${TOKEN_AMOUNT} } earlyReleasePayoutNow { ${TOKEN_AMOUNT} }
      breakEvenOfWaiting fullyReleasedAt earningUntil
    }
  }
}`;

const optionPosition = z.object({
  id: bigIntString,
  openedAt: dateTimeString,
  popStaked: tokenAmount,
  principal: tokenAmount,
  earned: tokenAmount,
  released: tokenAmount,
  claimable: tokenAmount,
  locked: tokenAmount,
  earlyReleaseFeeNow: tokenAmount,
  earlyReleasePayoutNow: tokenAmount,
  breakEvenOfWaiting: dateTimeString.nullable(),
  fullyReleasedAt: dateTimeString.nullable(),
  earningUntil: dateTimeString,
});
export type OptionPosition = z.output<typeof optionPosition>;

const accountData = z.object({
  account: z.object({
    address: z.string(),
    block,
    pop: tokenAmount,
    luma: tokenAmount,
    sora: tokenAmount,
    sLuma: tokenAmount,
    soraQuota: tokenAmount,
    sLumaGrowth: z.object({ netDeposited: tokenAmount, growth: tokenAmount, growth7d: tokenAmount }),
    optionPositions: z.array(optionPosition),
  }),
});

export type Account = z.output<typeof accountData>["account"];

/** A wallet's balances, option positions (with the early release now), sLUMA and SORA quota. */
export async function getAccount(
  client: GatewayClient,
  options: { locale: Locale; address: string; signal?: AbortSignal },
): Promise<Account> {
  const data = await client.request({
    document: ACCOUNT_DOCUMENT,
    variables: { address: options.address },
    data: accountData,
    locale: options.locale,
    signal: options.signal,
  });
  return data.account;
}
