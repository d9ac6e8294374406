/**
 * Issue 6's first bar: one burn alert to 1,000 subscribed Discord channels through the stand-in of
 * Discord's API (its limits: 50 requests/s for the bot, 5 posts per 5 s per channel, 429s with
 * retry_after and X-RateLimit headers) within 1.1× the floor those limits allow (1,000 / 50 s⁻¹ =
 * 20 s), invalid requests (401/403/429) under 0.1%, none lost, none doubled:
 * `npx tsx bench/discordBroadcast.ts [--channels 1000]`.
 *
 * End to end on one host: a fresh anvil with the protocol, the gateway in a child process on a
 * throwaway PostgreSQL database, the stand-in in another child process, the whole bot
 * (startDiscordBot: burn subscription → outbox → delivery worker → stand-in) in this process on
 * the same database. One SORA sell on chain; the
 * time runs from the bot's commit of the burn's outbox rows ("burn queued") to the stand-in's last
 * accepted message post.
 */
import { startDiscordBenchWorld, subscribeChannels, waitFor } from "./discordBenchWorld.ts";
import { startFreshChain } from "./helpers/telegramBenchChain.ts";
import { loadAverage, machineLine, numberFlag } from "./helpers/telegramBenchStats.ts";
import { startStallRecorder } from "./helpers/telegramStallRecorder.ts";

const GLOBAL_PER_SECOND = 50;
/** Event-loop stalls this long are reported: the rate gate's margin is 5% of a 1 s window. */
const STALL_MS = 40;

async function main(): Promise<void> {
  const count = numberFlag("channels", 1_000);
  console.log(machineLine());
  const chain = await startFreshChain();
  const world = await startDiscordBenchWorld({ manifestPath: chain.manifestPath, label: "dcbroadcast" });
  let recorder: ReturnType<typeof startStallRecorder> | undefined;
  try {
    const { prisma, standIn, logs } = world;
    const channels = await subscribeChannels(prisma, count);
    await world.startBot();
    // The bot resumes after the chain's last burn; its subscription is up once its cursor is saved.
    await waitFor(() => prisma.streamCursor.findFirst(), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const callsBefore = (await standIn.report()).calls.length;
    recorder = startStallRecorder(STALL_MS);
    const burn = await chain.burn();
    const queued = await waitFor(() => logs.find((line) => line.message === "burn queued"), 60_000);
    console.log(
      `burn mined ${burn.minedAt - burn.sentAt} ms after sending; outbox rows committed ${queued.at - burn.minedAt} ms after the receipt`,
    );
    const floorMs = (count / GLOBAL_PER_SECOND) * 1000;
    await waitFor(
      async () =>
        (await prisma.alertDelivery.count({ where: { status: { in: ["pending", "sending"] } } })) === 0,
      floorMs * 3 + 60_000,
    );
    const seen = await standIn.report(channels);
    const calls = seen.calls.slice(callsBefore);
    const posts = calls.filter(
      (call) => call.method === "POST" && /^\/channels\/\d+\/messages$/.test(call.path),
    );
    const accepted = posts.filter((call) => call.status === 200);
    const invalid = calls.filter((call) => [401, 403, 429].includes(call.status)).length;
    const first = accepted[0]?.at ?? Number.NaN;
    const last = accepted.at(-1)?.at ?? Number.NaN;
    const totalMs = last - queued.at;
    const perChannel = seen.messagesPerChannel;
    const lost = perChannel.filter((n) => n === 0).length;
    const doubled = perChannel.filter((n) => n > 1).length;
    console.log(`\none alert to ${count} channels (zh/en half each)`);
    console.log(`  outbox committed → first post: ${first - queued.at} ms`);
    console.log(
      `  outbox committed → last post: ${(totalMs / 1000).toFixed(2)} s; floor ${(floorMs / 1000).toFixed(1)} s (${count} / ${GLOBAL_PER_SECOND} s⁻¹): ${(totalMs / floorMs).toFixed(3)}× (bar ≤ 1.1×)`,
    );
    console.log(
      `  steady rate first → last post: ${((accepted.length - 1) / ((last - first) / 1000)).toFixed(2)} posts/s`,
    );
    console.log(
      `  requests to Discord ${calls.length} (${posts.length} message posts, ${accepted.length} accepted); invalid (401/403/429): ${invalid} = ${((invalid / Math.max(1, calls.length)) * 100).toFixed(3)}% (bar < 0.1%)`,
    );
    console.log(`  most posts arriving in any 1 s: ${busiestSecond(posts.map((call) => call.at))}`);
    const worst = [...recorder.stalls].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(
      `  event-loop stalls over ${STALL_MS} ms: ${recorder.stalls.length}${worst.length ? ` (worst: ${worst.map((s) => `${s.ms} ms`).join(", ")})` : ""}`,
    );
    const perSecond = new Map<number, number>();
    for (const call of accepted) {
      const second = Math.floor((call.at - first) / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    console.log(`  accepted posts per second from the first: ${[...perSecond.values()].join(" ")}`);
    const logCounts = new Map<string, number>();
    for (const line of logs.filter((l) => l.at >= queued.at))
      logCounts.set(line.message, (logCounts.get(line.message) ?? 0) + 1);
    console.log(
      `  bot logs: ${[...logCounts].map(([message, n]) => `${message} ×${n}`).join("; ") || "none"}`,
    );
    console.log(`  lost (channels without the alert): ${lost}; channels with more than one: ${doubled}`);
    console.log(`  limit violations seen by the stand-in: ${seen.violations.length}`);
    const rows = await prisma.alertDelivery.groupBy({ by: ["status"], _count: true });
    console.log(`outbox rows: ${rows.map((row) => `${row.status} ${row._count}`).join(", ")}`);
    console.log(`load average after: ${loadAverage()}`);
  } finally {
    recorder?.stop();
    await world.stop();
    await chain.stop();
  }
}

/** The most of the instants `at` in any window of 1 s (Discord's global window). */
function busiestSecond(unsorted: readonly number[]): number {
  const at = [...unsorted].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < at.length; end++) {
    while ((at[start] ?? 0) <= (at[end] ?? 0) - 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

await main();
