import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { createIntent } from "../src/intents/createIntent.ts";
import { awaitIntent, queryIntent, reportTx } from "./intentApi.ts";
import { approveLumaStep, fundLuma, mined, sendStep, stakeLumaPlan, stakeLumaStep } from "./intentPlans.ts";
import { startIntentReplicas } from "./intentReplicas.ts";
import { errorCodeOf } from "./postGraphql.ts";
import { setupChain } from "./setupChain.ts";
import { subscribeOverSse } from "./subscribeOverSse.ts";

const e18 = (value: string) => parseUnits(value, 18);
const PUBLIC_RPC_URL = "https://rpc.luma.example.org";

/** Several gateway replicas on one PostgreSQL and Redis: one story, whichever replica is asked. */
describe("signing intents across replicas", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let replicas: Awaited<ReturnType<typeof startIntentReplicas>>;

  beforeAll(async () => {
    chain = await setupChain();
    replicas = await startIntentReplicas(chain, {
      standbySigning: {
        intentTtlSeconds: 900,
        publicRpcUrl: PUBLIC_RPC_URL,
        publicChainName: "Luma Testnet",
      },
    });
    await fundLuma(chain, chain.members.alice, e18("100"));
  }, 120_000);

  const newIntent = async (amount: bigint) =>
    createIntent(replicas.leader.database.prisma, await stakeLumaPlan(chain, chain.members.alice, amount), {
      ttlMs: 15 * 60_000,
    });

  it("delivers changes made through one replica to a subscriber on the other", async () => {
    const amount = e18("10");
    const { id } = await newIntent(amount);
    const { leader, standby } = replicas;
    const updates = await subscribeOverSse<{ intentUpdated: { status: string } }>(
      `${standby.gateway.url}/graphql`,
      "subscription ($id: ID!) { intentUpdated(id: $id) { status steps { status } } }",
      { id },
    );
    const statusOf = async () => (await updates.next()).data?.intentUpdated.status;
    expect(await statusOf()).toBe("PENDING");
    const approve = await sendStep(chain, chain.members.alice, approveLumaStep(chain, amount));
    await mined(chain, approve);
    await reportTx(leader.gateway.url, id, 0, approve);
    expect(await statusOf()).toBe("SUBMITTED");
    const stake = await sendStep(chain, chain.members.alice, stakeLumaStep(chain, amount));
    await mined(chain, stake);
    // Reported to the standby: it checks the chain itself (conditional writes), the leader's watcher too.
    await reportTx(standby.gateway.url, id, 1, stake);
    let status = await statusOf();
    while (status === "SUBMITTED") status = await statusOf();
    expect(status).toBe("CONFIRMED");
    updates.close();
    expect((await awaitIntent(leader.gateway.url, id, (i) => i.status !== "SUBMITTED")).status).toBe(
      "CONFIRMED",
    );
  });

  it("gives wallets PUBLIC_RPC_URL and PUBLIC_CHAIN_NAME where set, else the devnet's loopback RPC URL", async () => {
    const { id } = await newIntent(e18("1"));
    const chainOn = async (url: string) => (await queryIntent(url, id)).intent?.chain;
    // The standby has them set; the leader has not, and its node is the devnet on 127.0.0.1.
    expect(await chainOn(replicas.standby.gateway.url)).toEqual({
      id: chain.manifest.chainId,
      name: "Luma Testnet",
      rpcUrl: PUBLIC_RPC_URL,
    });
    expect(chain.manifest.rpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await chainOn(replicas.leader.gateway.url)).toEqual({
      id: chain.manifest.chainId,
      name: "Luma devnet (anvil)",
      rpcUrl: chain.manifest.rpcUrl,
    });
  });

  it("takes one transaction per step when two replicas get different reports at once", async () => {
    const amount = e18("1");
    const { id } = await newIntent(amount);
    // Two real transactions of the step from the account (a wallet resent it): both pass the checks.
    const hashes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const hash = await sendStep(chain, chain.members.alice, approveLumaStep(chain, amount));
      await mined(chain, hash);
      hashes.push(hash.toLowerCase());
    }
    const answers = await Promise.all([
      reportTx(replicas.leader.gateway.url, id, 0, hashes[0] as string),
      reportTx(replicas.standby.gateway.url, id, 0, hashes[1] as string),
    ]);
    const accepted = answers.filter((answer) => answer.intent);
    expect(accepted).toHaveLength(1);
    expect(answers.map((answer) => errorCodeOf(answer.body)).filter(Boolean)).toEqual([
      "STEP_ALREADY_REPORTED",
    ]);
    const kept = accepted[0]?.intent?.steps[0]?.txHash;
    expect(hashes).toContain(kept);
  });
});
