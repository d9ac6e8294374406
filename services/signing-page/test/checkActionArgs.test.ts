import { describe, expect, it } from "vitest";
import type { SigningIntent } from "../src/api/types.ts";
import { checkActionArgs } from "../src/checks/checkActionArgs.ts";
import { checkIntent } from "../src/checks/checkIntent.ts";
import { translate } from "../src/i18n/translate.ts";
import {
  ACCOUNT,
  address,
  amount,
  buySoraIntent,
  claimIntent,
  deployment,
  e18,
  everyAction,
  releaseEarlyIntent,
  sellSoraIntent,
  stakeLumaIntent,
  stakePopIntent,
  step,
  unstakeLumaIntent,
  withApprovalAmount,
  withArgs,
} from "./intentFixture.ts";

/** What the member reads under "nothing will be sent", in English; [] when the page would sign. */
const refusals = (intent: SigningIntent) => checkIntent(intent, deployment).map((p) => translate("en", p));

const STRANGER = "0x000000000000000000000000000000000000bEEF";

describe("checkActionArgs: what the page shows is what the calls' arguments say", () => {
  it("accepts a plan of each action as the gateway builds it", () => {
    for (const [action, intentOf] of Object.entries(everyAction)) {
      expect(refusals(intentOf()), action).toEqual([]);
    }
  });

  it("is worded in Chinese too", () => {
    const intent = withArgs(stakeLumaIntent(), 1, [e18("1000")]);
    const [first] = checkActionArgs(intent, deployment);
    expect(translate("zh", first as never)).toBe("“金额”显示为 100 LUMA，但第 2 步的调用是 1,000 LUMA");
  });

  describe("rebaseStaking.stake / unstake: the amount is amount.raw", () => {
    it("error: refuses stake(1000 LUMA) shown as “Stake 100 LUMA”", () => {
      // The approval follows the call, as a gateway that wants the 1,000 would make it.
      const intent = withApprovalAmount(withArgs(stakeLumaIntent(), 1, [e18("1000")]), e18("1000"));
      expect(refusals(intent)).toEqual([
        "“Amount” is shown as 100 LUMA, but step 2's call says 1,000 LUMA",
        "“You spend” is shown as 100 LUMA, but step 2's call says 1,000 LUMA",
      ]);
    });

    it("error: refuses an amount off by one base unit", () => {
      const intent = withApprovalAmount(
        withArgs(stakeLumaIntent(), 1, [e18("100.000000000000000001")]),
        e18("100.000000000000000001"),
      );
      expect(refusals(intent)).toEqual([
        "“Amount” is shown as 100 LUMA, but step 2's call says 100.000000000000000001 LUMA",
        "“You spend” is shown as 100 LUMA, but step 2's call says 100.000000000000000001 LUMA",
      ]);
    });

    it("error: refuses unstake(500 sLUMA) shown as 50 sLUMA", () => {
      expect(refusals(withArgs(unstakeLumaIntent(), 0, [e18("500")]))).toEqual([
        "“Amount” is shown as 50 sLUMA, but step 1's call says 500 sLUMA",
        "“You spend” is shown as 50 sLUMA, but step 1's call says 500 sLUMA",
      ]);
    });
  });

  describe("optionStaking.stake: the POP spent, and MIN_RECEIVED as minPrincipal", () => {
    it("error: refuses more POP than shown", () => {
      const intent = withApprovalAmount(
        withArgs(stakePopIntent(), 1, [e18("5000"), e18("990")]),
        e18("5000"),
      );
      expect(refusals(intent)).toEqual([
        "“Amount” is shown as 500 POP, but step 2's call says 5,000 POP",
        "“You spend” is shown as 500 POP, but step 2's call says 5,000 POP",
      ]);
    });

    it("error: refuses a minPrincipal other than the bound shown (a sandwich's room)", () => {
      expect(refusals(withArgs(stakePopIntent(), 1, [e18("500"), "0"]))).toEqual([
        "“You receive at least” is shown as 990 LUMA, but step 2's call says 0 LUMA",
      ]);
    });

    it("error: refuses a principal shown below the call's minPrincipal", () => {
      const intent = stakePopIntent();
      const principal = amount(e18("900"), "LUMA");
      expect(refusals({ ...intent, outcome: { ...intent.outcome, principal } })).toEqual([
        "“Principal” is shown as 900 LUMA, outside the bound of step 2's call (990 LUMA)",
      ]);
    });
  });

  describe("claim / releaseEarly: the position, and MAX_FEE as maxFee", () => {
    it("error: refuses claim(4) shown as position #3", () => {
      expect(refusals(withArgs(claimIntent(), 0, ["4"]))).toEqual([
        "“Position” is shown as #3, but step 1's call says #4",
      ]);
    });

    it("error: refuses releaseEarly of another position, or with another fee limit", () => {
      expect(refusals(withArgs(releaseEarlyIntent(), 0, ["4", e18("2.02")]))).toEqual([
        "“Position” is shown as #3, but step 1's call says #4",
      ]);
      expect(refusals(withArgs(releaseEarlyIntent(), 0, ["3", e18("200")]))).toEqual([
        "“Fee at most” is shown as 2.02 LUMA, but step 1's call says 200 LUMA",
      ]);
    });

    it("error: refuses a fee shown above the call's limit", () => {
      const intent = releaseEarlyIntent();
      const fee = { ...intent.outcome.fee, amount: amount(e18("3"), "LUMA") } as NonNullable<
        SigningIntent["outcome"]["fee"]
      >;
      expect(refusals({ ...intent, outcome: { ...intent.outcome, fee } })).toEqual([
        "“Fee” is shown as 3 LUMA, outside the bound of step 1's call (2.02 LUMA)",
      ]);
    });
  });

  describe("soraLumaPool.swapExactIn: token sold, amount, MIN_RECEIVED, recipient", () => {
    const swap = (intent: SigningIntent, args: string[]) => withArgs(intent, 1, args);

    it("error: refuses a buy that sells SORA (the other token)", () => {
      const intent = swap(buySoraIntent(), [address("sora"), e18("100"), e18("99"), ACCOUNT]);
      expect(refusals(intent)).toContain(`step 2 sells ${address("sora")}, not the LUMA this request spends`);
    });

    it("error: refuses a swap of more than shown", () => {
      const intent = withApprovalAmount(
        swap(sellSoraIntent(), [address("sora"), e18("11"), e18("19.8"), ACCOUNT]),
        e18("11"),
      );
      expect(refusals(intent)).toEqual([
        "“Amount” is shown as 10 SORA, but step 2's call says 11 SORA",
        "“You spend” is shown as 10 SORA, but step 2's call says 11 SORA",
      ]);
    });

    it("error: refuses a minOut other than the bound shown", () => {
      const intent = swap(buySoraIntent(), [address("luma"), e18("100"), "1", ACCOUNT]);
      expect(refusals(intent)).toEqual([
        "“You receive at least” is shown as 99 SORA, but step 2's call says 0.000000000000000001 SORA",
      ]);
    });

    it("error: refuses a swap that pays someone else", () => {
      const intent = swap(buySoraIntent(), [address("luma"), e18("100"), e18("99"), STRANGER]);
      expect(refusals(intent)).toEqual([
        `step 2 passes ${STRANGER} as to: neither your account nor a protocol contract`,
        `step 2 sends what you receive to ${STRANGER}, not to your account`,
      ]);
      // Even to a protocol contract: what is bought belongs in the member's wallet.
      const toPool = swap(buySoraIntent(), [address("luma"), e18("100"), e18("99"), address("soraLumaPool")]);
      expect(refusals(toPool)).toEqual([
        `step 2 sends what you receive to ${address("soraLumaPool")}, not to your account`,
      ]);
    });

    it("error: refuses a receive estimate below the bound, or in another token", () => {
      const intent = buySoraIntent();
      const low = { ...intent, outcome: { ...intent.outcome, receive: [amount(e18("98"), "SORA")] } };
      expect(refusals(low)).toEqual([
        "“You receive” is shown as 98 SORA, outside the bound of step 2's call (99 SORA)",
      ]);
      const other = { ...intent, outcome: { ...intent.outcome, receive: [amount(e18("100"), "LUMA")] } };
      expect(refusals(other)).toEqual([
        "“You receive” is shown as —, outside the bound of step 2's call (99 SORA)",
      ]);
    });
  });

  describe("approvals: for the next step's contract, exactly what it spends", () => {
    it("error: refuses an approval of a stranger (an address that is no protocol contract)", () => {
      const intent = withArgs(stakeLumaIntent(), 0, [STRANGER, e18("100")]);
      expect(refusals(intent)).toEqual([
        `step 1 passes ${STRANGER} as spender: neither your account nor a protocol contract`,
        "step 1 approves a contract that the next step does not call",
      ]);
    });

    it("error: refuses an approval of another protocol contract than the next step's", () => {
      const intent = withArgs(stakeLumaIntent(), 0, [address("soraLumaPool"), e18("100")]);
      expect(refusals(intent)).toEqual(["step 1 approves a contract that the next step does not call"]);
    });

    it("error: refuses an approval of more, or less, than the next step spends", () => {
      expect(refusals(withApprovalAmount(stakeLumaIntent(), e18("101")))).toEqual([
        "step 1 approves 101 LUMA, but step 2 spends 100 LUMA",
      ]);
      // A smaller approval would make the step revert (the allowance is set, not added to).
      expect(refusals(withApprovalAmount(stakeLumaIntent(), e18("40")))).toEqual([
        "step 1 approves 40 LUMA, but step 2 spends 100 LUMA",
      ]);
    });

    it("error: refuses an approval of another token than the next step spends", () => {
      const intent = stakeLumaIntent();
      const popApproval = step(0, "pop", "approve", [address("rebaseStaking"), e18("100")]);
      expect(refusals({ ...intent, steps: [popApproval, ...intent.steps.slice(1)] })).toEqual([
        "step 1 approves 100 POP, but step 2 spends 100 LUMA",
      ]);
    });
  });

  describe("the shape of the plan", () => {
    it("error: refuses an action that is not the intent's", () => {
      const intent = { ...unstakeLumaIntent(), action: "CLAIM_RELEASED" as const };
      expect(refusals(intent)).toEqual([
        "step 1 calls rebaseStaking.unstake, but this request needs optionStaking.claim",
      ]);
    });

    it("error: refuses anything but approvals followed by one action", () => {
      const intent = stakeLumaIntent();
      const [approve, stake] = intent.steps as [never, never];
      const actionFirst = {
        ...intent,
        steps: [
          { ...(stake as object), index: 0 },
          { ...(approve as object), index: 1 },
        ],
      };
      expect(refusals(actionFirst as SigningIntent)).toEqual([
        "the request's steps are not approvals followed by one action",
      ]);
      const twoActions = { ...intent, steps: [...intent.steps, { ...(stake as object), index: 2 }] };
      expect(refusals(twoActions as SigningIntent)).toEqual([
        "the request's steps are not approvals followed by one action",
      ]);
    });

    it("error: refuses a position shown for an action that has none", () => {
      expect(refusals({ ...stakeLumaIntent(), positionId: "3" })).toEqual([
        "“Position” is shown as #3, but step 2's call says —",
      ]);
    });
  });
});
