import { randomBytes } from "node:crypto";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { createIntent } from "../src/intents/createIntent.ts";
import { type RunningGateway, startGateway } from "../src/startGateway.ts";
import { awaitIntent, queryIntent, reportTx } from "./intentApi.ts";
import { approveLumaStep, fundLuma, mined, sendStep, stakeLumaPlan, stakeLumaStep } from "./intentPlans.ts";
import { errorCodeOf } from "./postGraphql.ts";
import { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";

const e18 = (value: string) => parseUnits(value, 18);
const TTL_MS = 15 * 60_000;

/**
 * Reported transactions and the confirmation watcher against a real chain: only the account's own
 * transactions of exactly the step, sent after the plan was built, are taken; anything else is
 * refused and changes nothing, so nobody else can end or block the intent. Reverts, reorgs and
 * transactions the node forgot settle it; a restart resumes from the database.
 */
describe("confirming signing intents", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let database: Awaited<ReturnType<typeof setupDatabase>>;
  let gateway: RunningGateway;

  beforeAll(async () => {
    chain = await setupChain();
    database = await setupDatabase();
    gateway = await start();
    // Whichever gateway runs at the end (the restart test replaces it) stops after the file's tests.
    deferTeardown(() => gateway.stop());
    await fundLuma(chain, chain.members.alice, e18("1000"));
  }, 120_000);

  // A hash the node does not know is dropped at the first look: anvil knows every sent one at once.
  const start = () =>
    startGateway({
      database,
      manifest: chain.manifest,
      port: 0,
      log: () => {},
      intentWatcher: { notSeenTimeoutMs: 0 },
    });

  const aliceIntent = async (amount: bigint, steps?: Parameters<typeof stakeLumaPlan>[3]) =>
    createIntent(database.prisma, await stakeLumaPlan(chain, chain.members.alice, amount, steps), {
      ttlMs: TTL_MS,
    });

  /** A report refused at once: nothing stored, the intent as it was (pending, no step taken). */
  const expectRefused = async (id: string, hash: string, code: string) => {
    const refused = await reportTx(gateway.url, id, 0, hash);
    expect(errorCodeOf(refused.body)).toBe(code);
    const { intent } = await queryIntent(gateway.url, id);
    expect(intent).toMatchObject({ status: "PENDING", failureReason: null });
    expect(intent?.steps.map((step) => [step.status, step.txHash])).toEqual([[null, null]]);
    return refused;
  };

  /** Alice sends the intent's only step herself, reports it, and it confirms. */
  const aliceConfirms = async (id: string, step: Parameters<typeof sendStep>[2]) => {
    const own = await sendStep(chain, chain.members.alice, step);
    await mined(chain, own);
    const reported = await reportTx(gateway.url, id, 0, own);
    expect(reported.body.errors).toBeUndefined();
    const intent = await awaitIntent(gateway.url, id, (i) => i.status !== "SUBMITTED");
    expect(intent).toMatchObject({ status: "CONFIRMED", failureReason: null });
    expect(intent.steps[0]).toMatchObject({ status: "MINED", txHash: own.toLowerCase() });
  };

  it("refuses the same calldata sent from another account (TX_NOT_FOR_STEP); the member's own then confirms", async () => {
    const step = approveLumaStep(chain, e18("3"));
    const { id } = await aliceIntent(e18("3"), [step]);
    const fromBob = await sendStep(chain, chain.members.bob, step);
    await mined(chain, fromBob);
    const refused = await expectRefused(id, fromBob, "TX_NOT_FOR_STEP");
    expect(refused.body.errors?.[0]?.extensions?.params).toMatchObject({ step: 0, mismatch: "from" });
    // Bob's hash took no slot: Alice's transaction is taken and confirms the intent.
    await aliceConfirms(id, step);
  });

  it("refuses other calldata from the account (TX_NOT_FOR_STEP), in English and Chinese", async () => {
    const step = approveLumaStep(chain, e18("4"));
    const { id } = await aliceIntent(e18("4"), [step]);
    const otherAmount = await sendStep(chain, chain.members.alice, approveLumaStep(chain, e18("4000")));
    await mined(chain, otherAmount);
    const refused = await expectRefused(id, otherAmount, "TX_NOT_FOR_STEP");
    expect(refused.body.errors?.[0]?.message).toContain("call data differs");
    const zh = await reportTx(gateway.url, id, 0, otherAmount, { "accept-language": "zh-CN" });
    expect(zh.body.errors?.[0]?.message).toContain("调用数据不同");
    await aliceConfirms(id, step);
  });

  it("refuses a matching transaction mined before the plan was built (TX_BEFORE_PLAN); a new one confirms", async () => {
    const step = approveLumaStep(chain, e18("5"));
    // Yesterday's identical approval: mined before the plan below is simulated.
    const old = await sendStep(chain, chain.members.alice, step);
    await mined(chain, old);
    const { id } = await aliceIntent(e18("5"), [step]);
    const refused = await expectRefused(id, old, "TX_BEFORE_PLAN");
    expect(refused.body.errors?.[0]?.message).toContain("before this request was built");
    await aliceConfirms(id, step);
  });

  it("refuses a made-up hash (UNKNOWN_TX), so it cannot take the member's step", async () => {
    const step = approveLumaStep(chain, e18("6"));
    const { id } = await aliceIntent(e18("6"), [step]);
    await expectRefused(id, `0x${randomBytes(32).toString("hex")}`, "UNKNOWN_TX");
    await aliceConfirms(id, step);
  });

  it("fails an intent whose step reverted: FAILED, STEP_REVERTED", async () => {
    // Staking more LUMA than Alice holds (and approved) reverts on chain.
    const { id } = await aliceIntent(e18("1000000"), [stakeLumaStep(chain, e18("1000000"))]);
    const reverted = await sendStep(chain, chain.members.alice, stakeLumaStep(chain, e18("1000000")));
    expect((await mined(chain, reverted)).status).toBe("reverted");
    await reportTx(gateway.url, id, 0, reverted);
    const intent = await awaitIntent(gateway.url, id, (i) => i.status !== "SUBMITTED");
    expect(intent).toMatchObject({ status: "FAILED", failureReason: "STEP_REVERTED" });
    expect(intent.steps[0]?.status).toBe("REVERTED");
  });

  it("drops a reported transaction the node forgot (replaced or evicted): DROPPED, TX_NOT_FOUND", async () => {
    const step = approveLumaStep(chain, e18("1"));
    const { id } = await aliceIntent(e18("1"), [step]);
    const { deployer } = chain;
    await deployer.setAutomine(false);
    try {
      const sent = await sendStep(chain, chain.members.alice, step);
      expect((await reportTx(gateway.url, id, 0, sent)).intent?.steps[0]?.status).toBe("PENDING");
      // The wallet replaced it, or the mempool evicted it: the node no longer knows the hash.
      await deployer.dropTransaction({ hash: sent });
      await deployer.mine({ blocks: 1 });
    } finally {
      await deployer.setAutomine(true);
    }
    const intent = await awaitIntent(gateway.url, id, (i) => i.status !== "SUBMITTED");
    expect(intent).toMatchObject({ status: "DROPPED", failureReason: "TX_NOT_FOUND" });
    expect(intent.steps[0]?.status).toBe("DROPPED");
  });

  it("removes, never fails on, a report the watcher finds is not the step's; the member can report again", async () => {
    const step = approveLumaStep(chain, e18("8"));
    const head = await chain.client.getBlockNumber({ cacheTime: 0 });
    // A plan "simulated" a few blocks ahead: a transaction pending when reported, mined at or before
    // that block, passes the report's checks and is only found out by the watcher.
    const plan = await stakeLumaPlan(chain, chain.members.alice, e18("8"), [step]);
    plan.outcome.simulatedAtBlock = head + 3n;
    const { id } = await createIntent(database.prisma, plan, { ttlMs: TTL_MS });
    const { deployer } = chain;
    await deployer.setAutomine(false);
    let early: `0x${string}`;
    try {
      early = await sendStep(chain, chain.members.alice, step);
      expect((await reportTx(gateway.url, id, 0, early)).intent?.steps[0]?.status).toBe("PENDING");
      await deployer.mine({ blocks: 1 });
    } finally {
      await deployer.setAutomine(true);
    }
    await mined(chain, early);
    const removed = await awaitIntent(gateway.url, id, (i) => i.steps[0]?.txHash === null);
    expect(removed).toMatchObject({ status: "PENDING", failureReason: null, steps: [{ status: null }] });
    await chain.deployer.mine({ blocks: 3 });
    await aliceConfirms(id, step);
  });

  it("resumes from the database after a restart: a step mined while the gateway was down confirms", async () => {
    const amount = e18("20");
    const { id } = await aliceIntent(amount);
    const { deployer } = chain;
    await deployer.setAutomine(false);
    let approve: `0x${string}`;
    try {
      approve = await sendStep(chain, chain.members.alice, approveLumaStep(chain, amount));
      const reported = await reportTx(gateway.url, id, 0, approve);
      expect(reported.intent).toMatchObject({
        status: "SUBMITTED",
        steps: [{ status: "PENDING" }, { status: null }],
      });
      // Step 1 waits for step 0 to be mined.
      const early = await reportTx(gateway.url, id, 1, `0x${randomBytes(32).toString("hex")}`);
      expect(errorCodeOf(early.body)).toBe("PREVIOUS_STEP_NOT_MINED");
      await gateway.stop();
      await deployer.mine({ blocks: 1 });
    } finally {
      await deployer.setAutomine(true);
    }
    await mined(chain, approve);
    gateway = await start();
    const resumed = await awaitIntent(gateway.url, id, (i) => i.steps[0]?.status === "MINED");
    expect(resumed.status).toBe("SUBMITTED");
    const stake = await sendStep(chain, chain.members.alice, stakeLumaStep(chain, amount));
    await mined(chain, stake);
    await reportTx(gateway.url, id, 1, stake);
    expect((await awaitIntent(gateway.url, id, (i) => i.status !== "SUBMITTED")).status).toBe("CONFIRMED");
  });

  it("drops a confirmed intent whose transaction a reorg removed: DROPPED, REORGED_OUT", async () => {
    const step = approveLumaStep(chain, e18("7"));
    const { id } = await aliceIntent(e18("7"), [step]);
    const snapshot = await chain.deployer.snapshot();
    const approve = await sendStep(chain, chain.members.alice, step);
    await mined(chain, approve);
    await reportTx(gateway.url, id, 0, approve);
    expect((await awaitIntent(gateway.url, id, (i) => i.status !== "SUBMITTED")).status).toBe("CONFIRMED");
    // The block with the approval is replaced by other blocks; the approval is not mined again.
    await chain.deployer.revert({ id: snapshot });
    await chain.deployer.mine({ blocks: 2 });
    const intent = await awaitIntent(gateway.url, id, (i) => i.status !== "CONFIRMED");
    expect(intent).toMatchObject({ status: "DROPPED", failureReason: "REORGED_OUT" });
    expect(intent.steps[0]?.status).toBe("DROPPED");
    expect(errorCodeOf((await queryIntent(gateway.url, "missing")).body)).toBe("UNKNOWN_INTENT");
  });
});
