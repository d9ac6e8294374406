import { type AddressInfo, connect, createServer, type Socket } from "node:net";
import type { PrismaClient } from "@luma-pulse/db";
import { parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { setupChain } from "../../../services/gateway/test/setupChain.ts";
import { setupDatabase } from "../../../services/gateway/test/setupDatabase.ts";
import { startReadyGateway } from "../../../services/gateway/test/startReadyGateway.ts";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { followBurns } from "../src/delivery/followBurns.ts";
import { getLatestBurnId } from "../src/delivery/getLatestBurnId.ts";
import type { RateLimitPolicy } from "../src/delivery/RateLimitPolicy.ts";
import { startDeliveryWorker } from "../src/delivery/startDeliveryWorker.ts";
import { createGatewayClient } from "../src/gateway/createGatewayClient.ts";
import { formatTokenNumber } from "../src/i18n/format/formatTokenAmount.ts";
import { recordingSender, subscribe, waitFor } from "./deliveryFixtures.ts";

const e18 = (value: string) => parseUnits(value, 18);
const noLimits: RateLimitPolicy = { limitsFor: () => [] };

describe("followBurns: the gateway's burns into the outbox", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let gatewayUrl: string;
  let prisma: PrismaClient;
  const mined: { txHash: string; sora: string }[] = [];

  const sell = async (sora: string) => {
    const receipt = await chain.actors.sellSora(chain.members.alice, e18(sora));
    mined.push({ txHash: receipt.transactionHash.toLowerCase(), sora });
  };
  const follow = (url = gatewayUrl, platform: "telegram" | "discord" = "telegram") => {
    const stop = new AbortController();
    const following = followBurns({
      gatewayUrl: url,
      prisma,
      platform,
      signal: stop.signal,
      log: () => {},
    });
    deferTeardown(() => stop.abort());
    return {
      async stop() {
        stop.abort();
        await following;
      },
    };
  };
  const rowsOf = (chatId: string) =>
    prisma.alertDelivery.findMany({ where: { platform: "telegram", chatId }, orderBy: { id: "asc" } });
  const txHashOf = (payload: unknown) => (payload as { burn: { txHash: string } }).burn.txHash;
  const cursor = (consumer = "telegram:burns") => prisma.streamCursor.findUnique({ where: { consumer } });

  beforeAll(async () => {
    chain = await setupChain();
    const { actors, members, manifest } = chain;
    // Alice gets SORA to sell: quota from an option stake, LUMA from the market, then one buy.
    await actors.optionStake(members.alice, e18("100000"));
    await actors.tradeLumaUsdt(members.alice, manifest.contracts.usdt, parseUnits("10", 6));
    await actors.buySora(members.alice, e18("0.1"));
    gatewayUrl = (await startReadyGateway(chain)).url;
    prisma = (await setupDatabase()).prisma;
    await subscribe(prisma, "100");
    await subscribe(prisma, "200", { minAmount: e18("5") });
    await subscribe(prisma, "300", { enabled: false });
    await subscribe(prisma, "400", { mode: "digest", digestWindowMinutes: 1440 });
    await subscribe(prisma, "-500");
    await subscribe(prisma, "100", {}, { platform: "discord" });
  }, 180_000);

  it("a new install before the first burn: the burns mined while it is down are queued once it is back", async () => {
    // (Discord's follower: Telegram's starts as a new install in the next test.)
    expect(await getLatestBurnId(createGatewayClient({ url: gatewayUrl }))).toBeUndefined();
    const first = follow(gatewayUrl, "discord");
    await waitFor(() => cursor("discord:burns"));
    await first.stop();
    await sell("1"); // burned while the bot was down; for Telegram's follower, before it was installed
    const again = follow(gatewayUrl, "discord");
    const discordRowsOf100 = () =>
      prisma.alertDelivery.findMany({ where: { platform: "discord", chatId: "100" } });
    const [row] = await waitFor(async () => {
      const rows = await discordRowsOf100();
      return rows.length > 0 ? rows : undefined;
    });
    await again.stop();
    expect(txHashOf(row?.payload)).toBe(mined[0]?.txHash);
    expect(await discordRowsOf100()).toHaveLength(1);
    // The gateway may answer with its previous block's burns for a moment: the next test needs this one.
    await waitFor(() => getLatestBurnId(createGatewayClient({ url: gatewayUrl })));
  });

  it("starts a new install from now, then queues each burn for every subscribed chat its settings let in", async () => {
    const follower = follow();
    // Without a cursor it starts after the newest burn, and saves that at once.
    await waitFor(cursor);
    await sell("3");
    await waitFor(async () => (await rowsOf("100")).length > 0);
    await follower.stop();

    const rows = await prisma.alertDelivery.findMany({
      where: { platform: "telegram" },
      orderBy: { chatId: "asc" },
    });
    expect(rows.map((row) => [row.platform, row.chatId, row.digestKey?.split(":")[0] ?? null])).toEqual([
      ["telegram", "-500", null],
      ["telegram", "100", null],
      ["telegram", "400", "digest"],
    ]);
    expect(rows.every((row) => txHashOf(row.payload) === mined[1]?.txHash)).toBe(true);
    expect((await cursor())?.lastEventId).toBe(rows[0]?.eventId);
  });

  it("resumes after a restart: the burns mined while it was down, then live ones, each once", async () => {
    await sell("2.5");
    await sell("3.5");
    const follower = follow();
    await waitFor(async () => (await rowsOf("100")).length === 3);
    await sell("4.5");
    await waitFor(async () => (await rowsOf("100")).length === 4);
    await follower.stop();

    const rows = await rowsOf("100");
    expect(rows.map((row) => txHashOf(row.payload))).toEqual(mined.slice(1).map((burn) => burn.txHash));
    expect(new Set(rows.map((row) => row.eventId)).size).toBe(4);
    expect((await cursor())?.lastEventId).toBe(rows[3]?.eventId);
    // Only the 5 SORA minimum's chat skipped the small ones: none of these reached it.
    expect(await rowsOf("200")).toEqual([]);
  });

  it("sends a digest chat's burst as one message with the total, and the others one by one", async () => {
    // The digest's day is over.
    await prisma.alertDelivery.updateMany({ where: { chatId: "400" }, data: { sendAfter: new Date() } });
    const { sender, calls } = recordingSender();
    const worker = startDeliveryWorker({ prisma, sender, policy: noLimits, pollMs: 20 });
    // 4 burns to two chats one by one, and to the digest chat
    await waitFor(async () => (await prisma.alertDelivery.count({ where: { status: "sent" } })) === 12);
    await worker.stop();

    const toDigest = calls.filter((call) => call.chatId === "400");
    const total = formatTokenNumber({ raw: e18("13.5"), decimals: 18 }, "en");
    expect(toDigest.map((call) => call.view.title)).toEqual([`🔥 4 burns: ${total} SORA`]);
    expect(calls.filter((call) => call.chatId === "100").map((call) => call.view.title)).toEqual(
      ["3", "2.5", "3.5", "4.5"].map(
        (sora) => `🔥 ${formatTokenNumber({ raw: e18(sora), decimals: 18 }, "en")} SORA burned`,
      ),
    );
  });

  it("reconnects after the connection drops, and catches up on the burns it missed", async () => {
    const proxy = await startCuttableProxy(new URL(gatewayUrl));
    const follower = follow(proxy.url);
    const before = (await rowsOf("100")).length;
    await sell("1.25");
    await waitFor(async () => (await rowsOf("100")).length === before + 1);
    proxy.cut(); // the stream breaks, and reconnecting fails for a while
    await sell("1.5");
    await sell("1.75");
    await waitFor(() => proxy.refused() > 0); // it tried again, and failed
    proxy.restore();
    await waitFor(async () => (await rowsOf("100")).length === before + 3);
    await follower.stop();

    const rows = await rowsOf("100");
    expect(rows.slice(before).map((row) => txHashOf(row.payload))).toEqual(
      mined.slice(-3).map((burn) => burn.txHash),
    );
  });

  it("a cursor the gateway refuses, or one past its newest burn (a reset devnet): starts from the newest burn", async () => {
    const farAhead = Buffer.from("burn:99999999:0").toString("base64url");
    for (const stored of ["not-one-of-its-ids", farAhead]) {
      await prisma.streamCursor.update({
        where: { consumer: "telegram:burns" },
        data: { lastEventId: stored },
      });
      const before = (await rowsOf("100")).length;
      const follower = follow();
      // It gives the cursor up for the newest burn (or, refused, starts over as a new install does).
      await waitFor(async () => {
        const now = await cursor();
        return now && now.lastEventId !== stored;
      });
      await sell("1.1");
      await waitFor(async () => (await rowsOf("100")).length === before + 1);
      await follower.stop();
      expect(txHashOf((await rowsOf("100")).at(-1)?.payload)).toBe(mined.at(-1)?.txHash);
    }
  });
});

/** A TCP proxy to the gateway whose connections can be cut (and new ones refused) at will. */
async function startCuttableProxy(target: URL) {
  let down = false;
  let refused = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    if (down) {
      refused++;
      return client.destroy();
    }
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  deferTeardown(() => new Promise((resolve) => server.close(resolve)));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      down = false;
    },
    refused: () => refused,
  };
}
