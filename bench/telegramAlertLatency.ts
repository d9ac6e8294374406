/**
 * Issue 5's second bar: from the block with a burn to the bot's first sendMessage for it, p95 under
 * 1 s: `npx tsx bench/telegramAlertLatency.ts [--burns 30] [--chats 10]`.
 *
 * A fresh anvil with the protocol (automine: a sell is mined within its own call), the gateway in
 * a child process on a throwaway PostgreSQL database, the whole bot (startTelegramBot) and the Bot
 * API stand-in with Telegram's limits in this process, `chats` chats subscribed to every burn.
 * Then `burns` SORA sells one by one, 1.2–2.5 s apart (more than a chat's 1 s window, so a chat's
 * own limit never holds an alert back), each timed from just before the sell is sent ("from send",
 * mining included) and from its receipt to the stand-in reading the first sendMessage that names
 * its transaction. A block's timestamp has whole seconds only: the bench's clock is used instead.
 */
import { startFreshChain } from "./helpers/telegramBenchChain.ts";
import { latencySummary, loadAverage, machineLine, numberFlag } from "./helpers/telegramBenchStats.ts";
import { startTelegramBenchWorld } from "./helpers/telegramBenchWorld.ts";
import { subscribeChats } from "./helpers/telegramSubscribeChats.ts";

async function main(): Promise<void> {
  const burns = numberFlag("burns", 30);
  const chats = numberFlag("chats", 10);
  console.log(machineLine());
  const chain = await startFreshChain();
  const world = await startTelegramBenchWorld({ manifestPath: chain.manifestPath, label: "tgalerts" });
  try {
    const { prisma, standIn, logs } = world;
    await subscribeChats(prisma, chats);
    await world.startBot();
    while (!(await prisma.streamCursor.findFirst())) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const fromSend: number[] = [];
    const fromReceipt: number[] = [];
    const toOutbox: number[] = [];
    const outboxToSend: number[] = [];
    for (let i = 0; i < burns; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1_200 + Math.random() * 1_300));
      const queuedBefore = logs.filter((line) => line.message === "burn queued").length;
      const burn = await chain.burn();
      const first = await standIn.waitFor(
        (call) =>
          call.ok &&
          call.method === "sendMessage" &&
          String(call.params.text ?? "")
            .toLowerCase()
            .includes(burn.txHash),
        20_000,
      );
      const queued = logs.filter((line) => line.message === "burn queued")[queuedBefore];
      fromSend.push(first.at - burn.sentAt);
      fromReceipt.push(first.at - burn.minedAt);
      if (queued) {
        toOutbox.push(queued.at - burn.minedAt);
        outboxToSend.push(first.at - queued.at);
      }
    }
    console.log(`\nburn on chain → first sendMessage, ${burns} burns, ${chats} subscribed chats`);
    console.log(`  ${latencySummary("from send (mining included)", fromSend)}`);
    console.log(`  ${latencySummary("from receipt", fromReceipt)}`);
    console.log(`  ${latencySummary("receipt → outbox rows committed", toOutbox)}`);
    console.log(`  ${latencySummary("outbox rows committed → first sendMessage", outboxToSend)}`);
    const tooMany = standIn.calls.filter((call) => call.errorCode === 429).length;
    console.log(`  429s: ${tooMany}; retry_after violations: ${standIn.violations.length}`);
    console.log(`load average after: ${loadAverage()}`);
  } finally {
    await world.stop();
    await chain.stop();
  }
}

await main();
