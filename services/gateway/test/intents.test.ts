import { randomBytes } from "node:crypto";
import { getAddress, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { createIntent } from "../src/intents/createIntent.ts";
import { type RunningGateway, startGateway } from "../src/startGateway.ts";
import { awaitIntent, INTENT_FIELDS, queryIntent, reportTx } from "./intentApi.ts";
import { intentDocExamples } from "./intentDocExamples.ts";
import { approveLumaStep, fundLuma, mined, sendStep, stakeLumaPlan, stakeLumaStep } from "./intentPlans.ts";
import { errorCodeOf, type GraphqlBody } from "./postGraphql.ts";
import { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";
import { subscribeOverSse } from "./subscribeOverSse.ts";

const e18 = (value: string) => parseUnits(value, 18);
const TTL_MS = 15 * 60_000;
const PUBLIC_URL = "https://pulse.example.org";

describe("signing intents", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let database: Awaited<ReturnType<typeof setupDatabase>>;
  let gateway: RunningGateway;

  beforeAll(async () => {
    chain = await setupChain();
    database = await setupDatabase();
    // Intents need no index: no waiting for /readyz, and no second database (startReadyGateway's).
    gateway = await startGateway({
      database,
      manifest: chain.manifest,
      port: 0,
      log: () => {},
      signing: { publicUrl: PUBLIC_URL, intentTtlSeconds: 900, serviceToken: undefined },
    });
    deferTeardown(() => gateway.stop());
    await fundLuma(chain, chain.members.alice, e18("1000"));
  }, 120_000);

  const newIntent = async (amount = e18("100"), options: { ttlMs?: number; now?: Date } = {}) =>
    createIntent(database.prisma, await stakeLumaPlan(chain, chain.members.alice, amount), {
      ttlMs: options.ttlMs ?? TTL_MS,
      now: options.now,
    });

  it("shows a stored plan: chain, steps with labelled arguments, summaries in the request's language", async () => {
    const { id } = await newIntent();
    const { intent } = await queryIntent(gateway.url, id);
    expect(intent).toMatchObject({
      id,
      action: "STAKE_LUMA",
      status: "PENDING",
      failureReason: null,
      account: getAddress(chain.members.alice),
      amountInput: "100",
      amount: { raw: e18("100").toString(), symbol: "LUMA", formatted: "100" },
      chain: { id: 31337, name: "Luma devnet (anvil)", rpcUrl: chain.manifest.rpcUrl },
      outcome: { spend: [{ raw: e18("100").toString(), symbol: "LUMA" }] },
    });
    expect(intent?.verificationCode).toMatch(/^[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$/);
    const [approve, stake] = intent?.steps ?? [];
    expect(approve).toMatchObject({
      index: 0,
      kind: "APPROVE",
      contract: "luma",
      to: getAddress(chain.manifest.contracts.luma),
      functionName: "approve",
      args: [
        { name: "spender", type: "address", value: getAddress(chain.manifest.contracts.rebaseStaking) },
        { name: "amount", type: "uint256", value: e18("100").toString() },
      ],
      summary: "Approve 100 LUMA for Rebase staking",
      status: null,
      txHash: null,
    });
    expect(approve?.data).toBe(approveLumaStep(chain, e18("100")).data);
    expect(stake).toMatchObject({ kind: "ACTION", contract: "rebaseStaking", summary: "Stake 100 LUMA" });
    const zh = await queryIntent(gateway.url, id, { "accept-language": "zh-CN,zh;q=0.9" });
    expect(zh.intent?.steps.map((step) => step.summary)).toEqual([
      "授权 Rebase 质押合约使用 100 LUMA",
      "质押 100 LUMA",
    ]);
  });

  it("gives well-formed links: the page, wallet browsers, and EIP-681 for a single call only", async () => {
    const { id } = await newIntent();
    const { links } = (await queryIntent(gateway.url, id)).intent ?? {};
    const page = `${PUBLIC_URL}/sign/${id}`;
    expect(links?.page).toBe(page);
    expect(links?.qrCode).toBe(`${page}/qr.png`);
    expect(links?.eip681).toBeNull();
    expect(links?.metamask).toBe(`https://metamask.app.link/dapp/pulse.example.org/sign/${id}`);
    const trust = new URL(links?.trust ?? "");
    expect(trust.origin + trust.pathname).toBe("https://link.trustwallet.com/open_url");
    expect(trust.searchParams.get("coin_id")).toBe("60");
    expect(trust.searchParams.get("url")).toBe(page);
    const okx = new URL(links?.okx ?? "");
    expect(okx.origin + okx.pathname).toBe("https://www.okx.com/download");
    const deeplink = new URL(okx.searchParams.get("deeplink") ?? "");
    expect(deeplink.protocol).toBe("okx:");
    expect(deeplink.searchParams.get("dappUrl")).toBe(page);

    const single = await createIntent(
      database.prisma,
      await stakeLumaPlan(chain, chain.members.alice, e18("5"), [stakeLumaStep(chain, e18("5"))]),
      { ttlMs: TTL_MS },
    );
    const eip681 = (await queryIntent(gateway.url, single.id)).intent?.links.eip681 ?? "";
    expect(eip681).toBe(
      `ethereum:${getAddress(chain.manifest.contracts.rebaseStaking)}@31337/stake?uint256=${e18("5")}&gasLimit=500000`,
    );
    const parsed = new URL(eip681);
    expect(parsed.protocol).toBe("ethereum:");
    expect(parsed.searchParams.get("uint256")).toBe(e18("5").toString());
  });

  it("serves the page link as a PNG QR code, and 404 with no image for an unknown id", async () => {
    const { id } = await newIntent();
    const response = await fetch(`${gateway.url}/sign/${id}/qr.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toContain("private");
    const png = Buffer.from(await response.arrayBuffer());
    // The PNG signature, then the IHDR chunk with a square image of a sensible size.
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(200);
    expect(png.subarray(-8, -4).toString("ascii")).toBe("IEND");

    const unknown = await fetch(`${gateway.url}/sign/${randomBytes(16).toString("base64url")}/qr.png`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).not.toBe("image/png");
  });

  it("confirms approve + stake sent from the account; intentUpdated says SUBMITTED, then CONFIRMED", async () => {
    const amount = e18("100");
    const { id } = await newIntent(amount);
    const updates = await subscribeOverSse<{ intentUpdated: { status: string } }>(
      `${gateway.url}/graphql`,
      `subscription ($id: ID!) { intentUpdated(id: $id) { ${INTENT_FIELDS} } }`,
      { id },
    );
    const statusOf = async () => (await updates.next()).data?.intentUpdated.status;
    expect(await statusOf()).toBe("PENDING");
    const sLumaBefore = await chain.actors.read.sLuma(chain.members.alice);

    const approve = await sendStep(chain, chain.members.alice, approveLumaStep(chain, amount));
    await mined(chain, approve);
    const first = await reportTx(gateway.url, id, 0, approve);
    expect(first.intent).toMatchObject({ status: "SUBMITTED" });
    expect(first.intent?.steps[0]).toMatchObject({ txHash: approve.toLowerCase() });
    expect(await statusOf()).toBe("SUBMITTED");

    const stake = await sendStep(chain, chain.members.alice, stakeLumaStep(chain, amount));
    await mined(chain, stake);
    await reportTx(gateway.url, id, 1, stake);
    const confirmed = await awaitIntent(gateway.url, id, (intent) => intent.status === "CONFIRMED");
    expect(confirmed.steps.map((step) => step.status)).toEqual(["MINED", "MINED"]);
    expect(confirmed.failureReason).toBeNull();
    let status = await statusOf();
    while (status === "SUBMITTED") status = await statusOf();
    expect(status).toBe("CONFIRMED");
    updates.close();
    expect(await chain.actors.read.sLuma(chain.members.alice)).toBeGreaterThanOrEqual(
      sLumaBefore + amount - 1n,
    );
  });

  it("refuses every bad report with its code, in English and Chinese", async () => {
    const amount = e18("10");
    const { id } = await newIntent(amount);
    const codeOf = async (step: number, hash: string, intentId = id) =>
      errorCodeOf((await reportTx(gateway.url, intentId, step, hash)).body);
    const fakeHash = () => `0x${randomBytes(32).toString("hex")}`;

    expect(await codeOf(0, "0x1234")).toBe("INVALID_TX_HASH");
    expect(await codeOf(0, fakeHash(), "no-such-intent")).toBe("UNKNOWN_INTENT");
    expect(await codeOf(2, fakeHash())).toBe("STEP_OUT_OF_RANGE");
    expect(await codeOf(-1, fakeHash())).toBe("STEP_OUT_OF_RANGE");
    expect(await codeOf(1, fakeHash())).toBe("PREVIOUS_STEP_NOT_MINED");

    const approve = await sendStep(chain, chain.members.alice, approveLumaStep(chain, amount));
    await mined(chain, approve);
    expect((await reportTx(gateway.url, id, 0, approve)).intent?.status).toBe("SUBMITTED");
    // Reporting the same transaction again is a harmless retry; another one for the step is not.
    expect((await reportTx(gateway.url, id, 0, approve)).intent?.steps[0]?.txHash).toBe(
      approve.toLowerCase(),
    );
    expect(await codeOf(0, fakeHash())).toBe("STEP_ALREADY_REPORTED");
    const other = await newIntent(amount);
    expect(await codeOf(0, approve, other.id)).toBe("TX_ALREADY_REPORTED");

    const stake = await sendStep(chain, chain.members.alice, stakeLumaStep(chain, amount));
    await mined(chain, stake);
    await reportTx(gateway.url, id, 1, stake);
    await awaitIntent(gateway.url, id, (intent) => intent.status === "CONFIRMED");
    expect(await codeOf(1, fakeHash())).toBe("INTENT_SETTLED");

    const zh = await reportTx(gateway.url, "no-such-intent", 0, fakeHash(), { "accept-language": "zh" });
    expect(errorCodeOf(zh.body)).toBe("UNKNOWN_INTENT");
    expect(zh.body.errors?.[0]?.message).toContain("签名请求");
    const unknown = await queryIntent(gateway.url, "no-such-intent");
    expect(errorCodeOf(unknown.body)).toBe("UNKNOWN_INTENT");
    expect(unknown.body.errors?.[0]?.message).toContain("no-such-intent");
  });

  it("shows an intent nobody acted on in time as EXPIRED and refuses reports for it", async () => {
    const { id } = await newIntent(e18("1"), { ttlMs: 60_000, now: new Date(Date.now() - 120_000) });
    expect((await queryIntent(gateway.url, id)).intent?.status).toBe("EXPIRED");
    const hash = `0x${randomBytes(32).toString("hex")}`;
    const refused = await reportTx(gateway.url, id, 0, hash, { "accept-language": "zh-CN" });
    expect(errorCodeOf(refused.body)).toBe("INTENT_EXPIRED");
    expect(refused.body.errors?.[0]?.message).toContain("已于");
    expect((await queryIntent(gateway.url, id)).intent).toMatchObject({
      status: "EXPIRED",
      steps: [{ status: null }, { status: null }],
    });
  });

  it("expires a submitted intent whose next step was never reported: EXPIRED is final, reports refused", async () => {
    const amount = e18("3");
    const { id } = await newIntent(amount);
    const approve = await sendStep(chain, chain.members.alice, approveLumaStep(chain, amount));
    await mined(chain, approve);
    await reportTx(gateway.url, id, 0, approve);
    await awaitIntent(gateway.url, id, (intent) => intent.steps[0]?.status === "MINED");
    // The member approved, then walked away; the clock runs out a moment from now.
    await database.prisma.signingIntent.update({
      where: { id },
      data: { expiresAt: new Date(Date.now() + 1_500) },
    });
    const updates = await subscribeOverSse<{ intentUpdated: { status: string } }>(
      `${gateway.url}/graphql`,
      "subscription ($id: ID!) { intentUpdated(id: $id) { status } }",
      { id },
    );
    expect((await updates.next()).data?.intentUpdated.status).toBe("SUBMITTED");
    expect((await updates.next()).data?.intentUpdated.status).toBe("EXPIRED");
    updates.close();
    expect((await queryIntent(gateway.url, id)).intent).toMatchObject({
      status: "EXPIRED",
      steps: [{ status: "MINED", txHash: approve.toLowerCase() }, { status: null }],
    });
    // Too late for the page to send the stake: it is refused and the intent stays expired.
    const stake = await sendStep(chain, chain.members.alice, stakeLumaStep(chain, amount));
    await mined(chain, stake);
    const refused = await reportTx(gateway.url, id, 1, stake);
    expect(errorCodeOf(refused.body)).toBe("INTENT_EXPIRED");
    expect((await queryIntent(gateway.url, id)).intent).toMatchObject({
      status: "EXPIRED",
      steps: [{ status: "MINED" }, { status: null, txHash: null }],
    });
  });

  it("never expires an intent whose every step was reported: the chain decides", async () => {
    const amount = e18("2");
    const { id } = await createIntent(
      database.prisma,
      await stakeLumaPlan(chain, chain.members.alice, amount, [approveLumaStep(chain, amount)]),
      { ttlMs: TTL_MS },
    );
    const approve = await sendStep(chain, chain.members.alice, approveLumaStep(chain, amount));
    await mined(chain, approve);
    await reportTx(gateway.url, id, 0, approve);
    await awaitIntent(gateway.url, id, (intent) => intent.status === "CONFIRMED");
    await database.prisma.signingIntent.update({ where: { id }, data: { expiresAt: new Date(0) } });
    expect((await queryIntent(gateway.url, id)).intent?.status).toBe("CONFIRMED");
  });

  it("delivers EXPIRED to a subscriber when the intent runs out while it watches", async () => {
    const { id } = await newIntent(e18("1"), { ttlMs: 1_500 });
    const updates = await subscribeOverSse<{ intentUpdated: { status: string } }>(
      `${gateway.url}/graphql`,
      "subscription ($id: ID!) { intentUpdated(id: $id) { status } }",
      { id },
    );
    expect((await updates.next()).data?.intentUpdated.status).toBe("PENDING");
    expect((await updates.next()).data?.intentUpdated.status).toBe("EXPIRED");
    updates.close();
  });

  it("runs the examples of docs/graphql.md's Signing intents section", async () => {
    const examples = intentDocExamples();
    expect(Object.keys(examples).sort()).toEqual([
      "IntentUpdated",
      "ReportIntentTransaction",
      "SigningIntent",
    ]);
    const amount = e18("2");
    const { id } = await createIntent(
      database.prisma,
      await stakeLumaPlan(chain, chain.members.alice, amount, [approveLumaStep(chain, amount)]),
      { ttlMs: TTL_MS },
    );
    const run = async (query: string | undefined, variables: Record<string, unknown>) => {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphqlBody;
    };
    const read = await run(examples.SigningIntent, { id });
    expect(read.errors).toBeUndefined();
    expect(read.data.intent).toMatchObject({
      status: "PENDING",
      links: { page: `${PUBLIC_URL}/sign/${id}` },
    });
    expect(read.data.intent.links.eip681).toMatch(/^ethereum:0x[0-9a-fA-F]{40}@31337\/approve\?address=/);
    const updates = await subscribeOverSse<{ intentUpdated: { status: string } }>(
      `${gateway.url}/graphql`,
      examples.IntentUpdated ?? "",
      { id },
    );
    expect((await updates.next()).data?.intentUpdated.status).toBe("PENDING");
    const approve = await sendStep(chain, chain.members.alice, approveLumaStep(chain, amount));
    await mined(chain, approve);
    const reported = await run(examples.ReportIntentTransaction, { id, step: 0, txHash: approve });
    expect(reported.errors).toBeUndefined();
    let status = (await updates.next()).data?.intentUpdated.status;
    while (status === "SUBMITTED") status = (await updates.next()).data?.intentUpdated.status;
    expect(status).toBe("CONFIRMED");
    updates.close();
  });
});
