import {
  approvableTokens,
  CONTRACT_NAMES,
  type ContractName,
  type DeploymentManifest,
  encodeSignableCall,
  type SignableCall,
  signableContractAt,
} from "@luma-pulse/protocol";
import { type Address, getAddress, maxUint256, parseUnits } from "viem";
import { describe, expect, it } from "vitest";
import type { PlanStep } from "../src/actions/TransactionPlan.ts";
import { summarizeStep } from "../src/intents/stepSummary.ts";

// A deployment at made-up addresses (0x…01, 0x…02, …): only the names matter to a summary.
const contracts = Object.fromEntries(
  CONTRACT_NAMES.map((name, i) => [name, getAddress(`0x${(i + 1).toString(16).padStart(40, "0")}`)]),
) as Record<ContractName, Address>;
const manifest = { chainId: 31337, contracts } as DeploymentManifest;

const stepOf = (call: SignableCall): PlanStep => ({
  kind: call.functionName === "approve" ? "approve" : "action",
  call,
  to: contracts[call.contract],
  data: encodeSignableCall(call),
  value: 0n,
  gas: 100_000n,
});
const e18 = (value: string) => parseUnits(value, 18).toString();
const member = getAddress("0x00000000000000000000000000000000000000aa");

/**
 * Step summaries name tokens and contracts from the protocol package's shared tables
 * (`approvableTokens`, `signableContractAt`), the ones the signing page uses too.
 */
describe("step summaries", () => {
  it("words an approval of each approvable token, naming the spender, in English and Chinese", () => {
    expect(approvableTokens).toEqual({ pop: "POP", luma: "LUMA", sora: "SORA" });
    const approve = (token: keyof typeof approvableTokens, spender: Address, amount: string) =>
      stepOf({ contract: token, functionName: "approve", args: [spender, amount] });
    expect(summarizeStep(approve("pop", contracts.optionStaking, e18("5")), manifest, "en")).toBe(
      "Approve 5 POP for Option staking",
    );
    expect(summarizeStep(approve("sora", contracts.soraLumaPool, e18("2.5")), manifest, "zh")).toBe(
      "授权 SORA/LUMA 池使用 2.5 SORA",
    );
    // Any case of the spender's address names it; an unknown spender is shown as its address.
    const lower = contracts.rebaseStaking.toLowerCase() as Address;
    expect(summarizeStep(approve("luma", lower, maxUint256.toString()), manifest, "en")).toBe(
      "Approve unlimited LUMA for Rebase staking",
    );
    const stranger = getAddress("0x00000000000000000000000000000000000000ff");
    expect(summarizeStep(approve("luma", stranger, e18("1")), manifest, "en")).toBe(
      `Approve 1 LUMA for ${stranger}`,
    );
  });

  it("tells selling SORA from buying it by the token the swap takes", () => {
    const swap = (tokenIn: Address, amountIn: string, minOut: string) =>
      stepOf({
        contract: "soraLumaPool",
        functionName: "swapExactIn",
        args: [tokenIn, amountIn, minOut, member],
      });
    expect(summarizeStep(swap(contracts.sora, e18("10"), e18("3")), manifest, "en")).toBe(
      "Sell 10 SORA for at least 3 LUMA",
    );
    expect(summarizeStep(swap(contracts.luma, e18("3"), e18("9")), manifest, "en")).toBe(
      "Buy SORA with 3 LUMA (at least 9 SORA)",
    );
    expect(signableContractAt(contracts, contracts.usdt)).toBeUndefined();
  });
});
