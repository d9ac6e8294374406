/** The GraphQL shapes the page reads (see the issue 4 contract); BigInt fields are decimal strings. */

export type TokenAmount = { raw: string; decimals: number; symbol: string; formatted: string };

export type IntentStatus = "PENDING" | "SUBMITTED" | "CONFIRMED" | "FAILED" | "DROPPED" | "EXPIRED";
export type IntentTxStatus = "PENDING" | "MINED" | "REVERTED" | "MISMATCHED" | "DROPPED";
export type ActionKind =
  | "STAKE_POP"
  | "STAKE_LUMA"
  | "UNSTAKE_LUMA"
  | "CLAIM_RELEASED"
  | "RELEASE_EARLY"
  | "BUY_SORA"
  | "SELL_SORA";

export type IntentStep = {
  index: number;
  kind: "APPROVE" | "ACTION";
  contract: string;
  to: string;
  data: string;
  value: string;
  gas: string;
  functionName: string;
  args: { name: string; type: string; value: string }[];
  summary: string;
  status: IntentTxStatus | null;
  txHash: string | null;
};

export type PlanOutcome = {
  spend: TokenAmount[];
  receive: TokenAmount[];
  fee: { amount: TokenAmount; toBuyback: TokenAmount; burned: TokenAmount } | null;
  quotaGranted: TokenAmount | null;
  quotaUsed: TokenAmount | null;
  positionId: string | null;
  /** A new option position's principal (LUMA): what its rewards are a share of. */
  principal: TokenAmount | null;
  releasesUntil: string | null;
  bound: { kind: "MIN_RECEIVED" | "MAX_FEE"; amount: TokenAmount } | null;
  simulatedAtBlock: string;
};

export type SigningIntent = {
  id: string;
  action: ActionKind;
  status: IntentStatus;
  failureReason: string | null;
  /** `rpcUrl`: for `wallet_addEthereumChain`; null when the gateway publishes none. */
  chain: { id: number; name: string; rpcUrl: string | null };
  account: string;
  verificationCode: string;
  createdAt: string;
  expiresAt: string;
  amountInput: string | null;
  amount: TokenAmount | null;
  positionId: string | null;
  steps: IntentStep[];
  outcome: PlanOutcome;
};

/** The deployment the gateway serves: what the page checks each step's `to` and chain against. */
export type Deployment = { chainId: number; contracts: { name: string; address: string }[] };

export type WalletLinkChallenge = {
  id: string;
  url: string;
  domain: string;
  uri: string;
  nonce: string;
  chainId: number;
  statement: string;
  issuedAt: string;
  expiresAt: string;
  used: boolean;
};

export type WalletLink = {
  platform: "TELEGRAM" | "DISCORD";
  userId: string;
  address: string;
  chainId: number;
};
