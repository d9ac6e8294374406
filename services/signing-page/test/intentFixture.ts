import { encodeSignableCall, type SignableContract } from "@luma-pulse/protocol/browser";
import type { Deployment, IntentStep, PlanOutcome, SigningIntent, TokenAmount } from "../src/api/types.ts";

/** A deployment as `protocol { chainId contracts }` returns it (the devnet's first addresses). */
export const deployment: Deployment = {
  chainId: 31337,
  contracts: [
    { name: "luma", address: "0x5FbDB2315678afecb367f032d93F642f64180aa3" },
    { name: "rebaseStaking", address: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" },
    { name: "pop", address: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" },
    { name: "sora", address: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9" },
    { name: "optionStaking", address: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9" },
    { name: "soraLumaPool", address: "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707" },
  ],
};

export const address = (name: string) => deployment.contracts.find((c) => c.name === name)?.address as string;

/** The account every fixture intent is for (anvil's account 1). */
export const ACCOUNT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

/** Base units of `whole` tokens of 18 decimals, as a decimal string. */
export const e18 = (whole: string) => {
  const [integer = "0", fraction = ""] = whole.split(".");
  return (BigInt(integer) * 10n ** 18n + BigInt(fraction.padEnd(18, "0") || "0")).toString();
};

const DECIMALS: Record<string, number> = { POP: 18, LUMA: 18, sLUMA: 18, SORA: 18 };

/** A TokenAmount as the gateway sends it (`formatted` is not what the page shows). */
export const amount = (raw: string, symbol: string): TokenAmount => ({
  raw,
  decimals: DECIMALS[symbol] ?? 18,
  symbol,
  formatted: "ignored by the page",
});

/** The ABI names of each signable call's inputs, as the gateway labels them. */
const argNames: Record<string, string[]> = {
  approve: ["spender", "amount"],
  "rebaseStaking.stake": ["amount"],
  "rebaseStaking.unstake": ["amount"],
  "optionStaking.stake": ["popAmount", "minPrincipal"],
  "optionStaking.claim": ["positionId"],
  "optionStaking.releaseEarly": ["positionId", "maxFee"],
  "soraLumaPool.swapExactIn": ["tokenIn", "amountIn", "minOut", "to"],
};

/** A step as the gateway serves it: `data` is exactly the encoding of the args shown. */
export function step(
  index: number,
  contract: SignableContract,
  functionName: string,
  args: string[],
): IntentStep {
  const names = argNames[functionName === "approve" ? "approve" : `${contract}.${functionName}`] ?? [];
  return {
    index,
    kind: functionName === "approve" ? "APPROVE" : "ACTION",
    contract,
    to: address(contract),
    data: encodeSignableCall({ contract, functionName, args }),
    value: "0",
    gas: "120000",
    functionName,
    args: args.map((value, i) => ({
      name: names[i] ?? "",
      type: value.startsWith("0x") ? "address" : "uint256",
      value,
    })),
    summary: `${functionName} step (the gateway's words)`,
    status: null,
    txHash: null,
  };
}

/** The same step with other arguments, its calldata encoded to match: a gateway that lies consistently. */
export function withArgs(intent: SigningIntent, index: number, args: string[]): SigningIntent {
  return {
    ...intent,
    steps: intent.steps.map((s) =>
      s.index === index ? step(index, s.contract as SignableContract, s.functionName, args) : s,
    ),
  };
}

const noOutcome: PlanOutcome = {
  spend: [],
  receive: [],
  fee: null,
  quotaGranted: null,
  quotaUsed: null,
  positionId: null,
  principal: null,
  releasesUntil: null,
  bound: null,
  simulatedAtBlock: "42",
};

function intentOf(
  fields: Pick<SigningIntent, "action" | "steps"> &
    Partial<Pick<SigningIntent, "amount" | "amountInput" | "positionId">> & { outcome: Partial<PlanOutcome> },
): SigningIntent {
  return {
    id: "AAAAAAAAAAAAAAAAAAAAAA",
    status: "PENDING",
    failureReason: null,
    chain: { id: 31337, name: "Luma devnet (anvil)", rpcUrl: "http://127.0.0.1:8545" },
    account: ACCOUNT,
    verificationCode: "K7P-4QX",
    createdAt: "2026-11-21T10:00:00.000Z",
    expiresAt: "2026-11-21T10:15:00.000Z",
    amountInput: null,
    amount: null,
    positionId: null,
    ...fields,
    outcome: { ...noOutcome, ...fields.outcome },
  };
}

const HUNDRED = e18("100");

/** "Stake 100 LUMA": approve exactly 100 LUMA to rebase staking, then stake it. Passes every check. */
export function stakeLumaIntent(): SigningIntent {
  return intentOf({
    action: "STAKE_LUMA",
    amountInput: "100",
    amount: amount(HUNDRED, "LUMA"),
    steps: [
      step(0, "luma", "approve", [address("rebaseStaking"), HUNDRED]),
      step(1, "rebaseStaking", "stake", [HUNDRED]),
    ],
    outcome: { spend: [amount(HUNDRED, "LUMA")], receive: [amount(HUNDRED, "sLUMA")] },
  });
}

/** "Stake 500 POP": approve, then stake with a principal of at least 990 LUMA (1,000 simulated). */
export function stakePopIntent(): SigningIntent {
  const pop = e18("500");
  return intentOf({
    action: "STAKE_POP",
    amountInput: "500",
    amount: amount(pop, "POP"),
    steps: [
      step(0, "pop", "approve", [address("optionStaking"), pop]),
      step(1, "optionStaking", "stake", [pop, e18("990")]),
    ],
    outcome: {
      spend: [amount(pop, "POP")],
      principal: amount(e18("1000"), "LUMA"),
      quotaGranted: amount(e18("10"), "SORA"),
      positionId: "7",
      releasesUntil: "2027-06-01T00:00:00.000Z",
      bound: { kind: "MIN_RECEIVED", amount: amount(e18("990"), "LUMA") },
    },
  });
}

/** "Unstake 50 sLUMA" for 49 LUMA and a 1 LUMA fee: one call, no approval. */
export function unstakeLumaIntent(): SigningIntent {
  const fifty = e18("50");
  return intentOf({
    action: "UNSTAKE_LUMA",
    amountInput: "50",
    amount: amount(fifty, "sLUMA"),
    steps: [step(0, "rebaseStaking", "unstake", [fifty])],
    outcome: {
      spend: [amount(fifty, "sLUMA")],
      receive: [amount(e18("49"), "LUMA")],
      fee: {
        amount: amount(e18("1"), "LUMA"),
        toBuyback: amount(e18("0.5"), "LUMA"),
        burned: amount(e18("0.5"), "LUMA"),
      },
    },
  });
}

/** "Claim released LUMA from position #3": 12 LUMA. */
export function claimIntent(): SigningIntent {
  return intentOf({
    action: "CLAIM_RELEASED",
    positionId: "3",
    steps: [step(0, "optionStaking", "claim", ["3"])],
    outcome: { receive: [amount(e18("12"), "LUMA")], positionId: "3" },
  });
}

/** "Release position #3 early": 10 LUMA out, a 2 LUMA fee, at most 2.02 LUMA. */
export function releaseEarlyIntent(): SigningIntent {
  const maxFee = e18("2.02");
  return intentOf({
    action: "RELEASE_EARLY",
    positionId: "3",
    steps: [step(0, "optionStaking", "releaseEarly", ["3", maxFee])],
    outcome: {
      receive: [amount(e18("10"), "LUMA")],
      fee: {
        amount: amount(e18("2"), "LUMA"),
        toBuyback: amount(e18("1"), "LUMA"),
        burned: amount(e18("1"), "LUMA"),
      },
      positionId: "3",
      bound: { kind: "MAX_FEE", amount: amount(maxFee, "LUMA") },
    },
  });
}

/** "Buy SORA with 100 LUMA": approve the pool, swap for at least 99 SORA (100 simulated) to the account. */
export function buySoraIntent(): SigningIntent {
  return intentOf({
    action: "BUY_SORA",
    amountInput: "100",
    amount: amount(HUNDRED, "LUMA"),
    steps: [
      step(0, "luma", "approve", [address("soraLumaPool"), HUNDRED]),
      step(1, "soraLumaPool", "swapExactIn", [address("luma"), HUNDRED, e18("99"), ACCOUNT]),
    ],
    outcome: {
      spend: [amount(HUNDRED, "LUMA")],
      receive: [amount(HUNDRED, "SORA")],
      quotaUsed: amount(HUNDRED, "SORA"),
      bound: { kind: "MIN_RECEIVED", amount: amount(e18("99"), "SORA") },
    },
  });
}

/** "Sell 10 SORA" for at least 19.8 LUMA (20 simulated). */
export function sellSoraIntent(): SigningIntent {
  const ten = e18("10");
  return intentOf({
    action: "SELL_SORA",
    amountInput: "10",
    amount: amount(ten, "SORA"),
    steps: [
      step(0, "sora", "approve", [address("soraLumaPool"), ten]),
      step(1, "soraLumaPool", "swapExactIn", [address("sora"), ten, e18("19.8"), ACCOUNT]),
    ],
    outcome: {
      spend: [amount(ten, "SORA")],
      receive: [amount(e18("20"), "LUMA")],
      bound: { kind: "MIN_RECEIVED", amount: amount(e18("19.8"), "LUMA") },
    },
  });
}

/** One intent of each action, every one of them passing every check. */
export const everyAction = {
  STAKE_LUMA: stakeLumaIntent,
  STAKE_POP: stakePopIntent,
  UNSTAKE_LUMA: unstakeLumaIntent,
  CLAIM_RELEASED: claimIntent,
  RELEASE_EARLY: releaseEarlyIntent,
  BUY_SORA: buySoraIntent,
  SELL_SORA: sellSoraIntent,
} as const;

/** The same intent with the approval's amount replaced, and its calldata re-encoded to match. */
export function withApprovalAmount(intent: SigningIntent, approved: string): SigningIntent {
  const [approval] = intent.steps as [IntentStep];
  return withArgs(intent, approval.index, [approval.args[0]?.value as string, approved]);
}
