import { describe, expect, it } from "vitest";
import type { IntentStep, SigningIntent } from "../src/api/types.ts";
import { checkIntent } from "../src/checks/checkIntent.ts";
import { translate } from "../src/i18n/translate.ts";
import { deployment, stakeLumaIntent, withApprovalAmount } from "./intentFixture.ts";

const stepsOf = (intent: SigningIntent) => intent.steps as [IntentStep, IntentStep];

const problemsOf = (...args: Parameters<typeof checkIntent>) =>
  checkIntent(...args).map((problem) => translate("en", problem));

describe("checkIntent", () => {
  it("accepts an exact approval followed by the call it is for", () => {
    expect(checkIntent(stakeLumaIntent(), deployment)).toEqual([]);
  });

  it("accepts calldata written in upper-case hex", () => {
    const intent = stakeLumaIntent();
    const steps = intent.steps.map((s) => ({ ...s, data: `0x${s.data.slice(2).toUpperCase()}` }));
    expect(checkIntent({ ...intent, steps }, deployment)).toEqual([]);
  });

  it("error: refuses calldata that differs from the call shown", () => {
    const intent = stakeLumaIntent();
    const [approve, stake] = stepsOf(intent);
    // The stake step shows 100 LUMA but its calldata stakes 1 wei more.
    const tampered = { ...stake, data: `${stake.data.slice(0, -1)}1` };
    expect(problemsOf({ ...intent, steps: [approve, tampered] }, deployment)).toEqual([
      "step 2's calldata differs from the call shown",
    ]);
  });

  it("error: refuses an argument changed without the calldata (what you see is not what you sign)", () => {
    const intent = stakeLumaIntent();
    const [approve, stake] = stepsOf(intent);
    const shown = { ...stake, args: [{ name: "amount", type: "uint256", value: "1" }] };
    expect(problemsOf({ ...intent, steps: [approve, shown] }, deployment)).toEqual([
      "step 2's calldata differs from the call shown",
    ]);
  });

  it("error: refuses an unlimited approval", () => {
    const intent = withApprovalAmount(stakeLumaIntent(), (2n ** 256n - 1n).toString());
    expect(problemsOf(intent, deployment)).toEqual(["step 1 asks for an unlimited approval"]);
  });

  it("error: refuses an approval step that calls something else, and an action that approves", () => {
    const intent = stakeLumaIntent();
    const [approve, stake] = stepsOf(intent);
    expect(
      problemsOf(
        {
          ...intent,
          steps: [
            { ...approve, kind: "ACTION" },
            { ...stake, kind: "APPROVE" },
          ],
        },
        deployment,
      ),
    ).toEqual(["step 1 is labelled ACTION but calls approve", "step 2 is labelled APPROVE but calls stake"]);
  });

  it("error: refuses a step sent to another address than the contract it names", () => {
    const intent = stakeLumaIntent();
    const [approve, stake] = stepsOf(intent);
    const elsewhere = { ...stake, to: "0x000000000000000000000000000000000000bEEF" };
    expect(problemsOf({ ...intent, steps: [approve, elsewhere] }, deployment)).toEqual([
      "step 2 goes to 0x000000000000000000000000000000000000bEEF, not to the protocol's rebaseStaking",
      "step 1 approves a contract that the next step does not call",
    ]);
  });

  it("error: refuses a step that would send ETH", () => {
    const intent = stakeLumaIntent();
    const steps = intent.steps.map((s) => (s.index === 1 ? { ...s, value: "1" } : s));
    expect(problemsOf({ ...intent, steps }, deployment)).toEqual(["step 2 would send ETH"]);
  });

  it("error: refuses a call outside the signable list", () => {
    const intent = stakeLumaIntent();
    const steps = intent.steps.map((s) => (s.index === 1 ? { ...s, functionName: "transfer" } : s));
    expect(problemsOf({ ...intent, steps }, deployment)).toEqual([
      "step 2 is not a call this page can sign (rebaseStaking.transfer)",
    ]);
  });

  it("error: refuses an intent for another chain than the gateway's", () => {
    const intent = {
      ...stakeLumaIntent(),
      chain: { id: 1, name: "Ethereum", rpcUrl: "https://rpc.example" },
    };
    expect(problemsOf(intent, deployment)).toEqual([
      "the request is for chain 1, the gateway serves chain 31337",
    ]);
  });

  it("error: refuses amounts written with other decimals than the token's", () => {
    const intent = stakeLumaIntent();
    const receive = [{ ...intent.outcome.receive[0], decimals: 15 } as (typeof intent.outcome.receive)[0]];
    expect(problemsOf({ ...intent, outcome: { ...intent.outcome, receive } }, deployment)).toEqual([
      "the request shows an amount of sLUMA with 15 decimals, which this page cannot read",
    ]);
    const unknown = [{ ...intent.outcome.receive[0], symbol: "WETH" } as (typeof intent.outcome.receive)[0]];
    expect(problemsOf({ ...intent, outcome: { ...intent.outcome, receive: unknown } }, deployment)).toEqual([
      "the request shows an amount of WETH with 18 decimals, which this page cannot read",
    ]);
  });

  it("error: refuses an intent without steps", () => {
    expect(problemsOf({ ...stakeLumaIntent(), steps: [] }, deployment)).toEqual(["the request has no steps"]);
  });
});
