/**
 * Issue 5's first bar: one burn alert to 10,000 subscribed Telegram chats through the Bot API
 * stand-in (Telegram's limits: 30 messages/s overall, 1/s per chat, 20/min per group) within 1.1×
 * the floor those limits allow, no send inside a retry_after window, none lost:
 * `npx tsx bench/telegramBroadcast.ts [--chats 10000] [--groups 0]` (`--groups 0.1`: a tenth are
 * supergroups; one message per chat, so the group limit never binds and the floor stays chats / 30 s).
 *
 * End to end on one host: a fresh anvil with the protocol, the gateway in a child process on a
 * throwaway PostgreSQL database, the whole bot (startTelegramBot: burn subscription → outbox →
 * delivery worker → stand-in) in this process on the same database. One SORA sell on chain; the
 * time runs from the bot's commit of the burn's outbox rows ("burn queued") to the stand-in's last
 * accepted sendMessage.
 */
import { startFreshChain } from "./helpers/telegramBenchChain.ts";
import { loadAverage, machineLine, numberFlag } from "./helpers/telegramBenchStats.ts";
import { startTelegramBenchWorld } from "./helpers/telegramBenchWorld.ts";
import { type Stall, startStallRecorder } from "./helpers/telegramStallRecorder.ts";
import { subscribeChats } from "./helpers/telegramSubscribeChats.ts";

const GLOBAL_PER_SECOND = 30;
/** Event-loop stalls this long are reported: the rate gate's margin is 5% of a 1 s window. */
const STALL_MS = 40;

async function main(): Promise<void> {
  const chats = numberFlag("chats", 10_000);
  const groupShare = numberFlag("groups", 0);
  console.log(machineLine());
  const chain = await startFreshChain();
  const world = await startTelegramBenchWorld({ manifestPath: chain.manifestPath, label: "tgbroadcast" });
  // The worker, the bot and the stand-in share this event loop: its stalls delay sends after their slot.
  let recorder: ReturnType<typeof startStallRecorder> | undefined;
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 500);
  try {
    const { prisma, standIn, logs } = world;
    const chatIds = await subscribeChats(prisma, chats, groupShare);
    await world.startBot();
    // The bot resumes after the chain's last burn; its subscription is up once its cursor is saved.
    while (!(await prisma.streamCursor.findFirst())) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const callsBefore = standIn.calls.length;
    recorder = startStallRecorder(STALL_MS);
    const burn = await chain.burn();
    const queued = await waitFor(() => logs.find((line) => line.message === "burn queued"), 60_000);
    const deliveries = (queued.extra as { deliveries?: number }).deliveries;
    console.log(
      `burn mined ${burn.minedAt - burn.sentAt} ms after sending; outbox rows committed ${queued.at - burn.minedAt} ms after the receipt (${deliveries} rows)`,
    );
    const floorMs = (chats / GLOBAL_PER_SECOND) * 1000;
    // Counted as the calls come in: a filter over all calls every 200 ms would itself stall the loop.
    let scanned = callsBefore;
    let acceptedCount = 0;
    const accepted = () => {
      for (; scanned < standIn.calls.length; scanned++) {
        const call = standIn.calls[scanned];
        if (call?.ok && call.method === "sendMessage") acceptedCount++;
      }
      return acceptedCount;
    };
    let lastReport = Date.now();
    await waitFor(
      async () => {
        if (Date.now() - lastReport >= 60_000) {
          lastReport = Date.now();
          const sent = accepted();
          console.log(
            `  ${((Date.now() - queued.at) / 1000).toFixed(0)} s: ${sent} sent, load ${loadAverage()}`,
          );
        }
        const open = await prisma.alertDelivery.count({ where: { status: { in: ["pending", "sending"] } } });
        return open === 0 && accepted() >= chats;
      },
      floorMs * 2 + 120_000,
    );
    report({
      chats,
      groupShare,
      queuedAt: queued.at,
      floorMs,
      txHash: burn.txHash,
      chatIds,
      world,
      callsBefore,
      stalls: recorder.stalls,
    });
    const rows = await prisma.alertDelivery.groupBy({ by: ["status"], _count: true });
    console.log(`outbox rows: ${rows.map((row) => `${row.status} ${row._count}`).join(", ")}`);
    console.log(`peak RSS of this process (bot + stand-in): ${(peakRss / 2 ** 20).toFixed(0)} MB`);
    console.log(`load average after: ${loadAverage()}`);
  } finally {
    clearInterval(sampler);
    recorder?.stop();
    await world.stop();
    await chain.stop();
  }
}

function report(run: {
  chats: number;
  groupShare: number;
  queuedAt: number;
  floorMs: number;
  txHash: string;
  chatIds: string[];
  world: Awaited<ReturnType<typeof startTelegramBenchWorld>>;
  callsBefore: number;
  stalls: readonly Stall[];
}) {
  const { standIn } = run.world;
  const calls = standIn.calls.slice(run.callsBefore).filter((call) => call.method === "sendMessage");
  const sent = calls.filter((call) => call.ok);
  const tooMany = calls.filter((call) => call.errorCode === 429).length;
  const otherErrors = calls.filter((call) => !call.ok && call.errorCode !== 429).length;
  const perChat = new Map<string, number>();
  for (const call of sent) perChat.set(call.chatId ?? "", (perChat.get(call.chatId ?? "") ?? 0) + 1);
  const lost = run.chatIds.filter((chatId) => !perChat.has(chatId)).length;
  const doubled = [...perChat.values()].filter((count) => count > 1).length;
  const wrong = sent.filter(
    (call) =>
      !String(call.params.text ?? "")
        .toLowerCase()
        .includes(run.txHash),
  ).length;
  const first = sent[0]?.at ?? Number.NaN;
  const last = sent.at(-1)?.at ?? Number.NaN;
  const totalMs = last - run.queuedAt;
  const groups = Math.round(run.chats * run.groupShare);
  console.log(
    `\none alert to ${run.chats} chats (${run.chats - groups} private, ${groups} supergroups), zh/en half each`,
  );
  console.log(`  outbox committed → first sendMessage: ${first - run.queuedAt} ms`);
  console.log(
    `  outbox committed → last sendMessage: ${(totalMs / 1000).toFixed(1)} s; floor ${(run.floorMs / 1000).toFixed(1)} s (${run.chats} / ${GLOBAL_PER_SECOND} s⁻¹): ${(totalMs / run.floorMs).toFixed(3)}× (bar ≤ 1.1×)`,
  );
  console.log(
    `  steady rate first → last send: ${((sent.length - 1) / ((last - first) / 1000)).toFixed(2)} messages/s`,
  );
  console.log(
    `  sendMessage calls ${calls.length}: ${sent.length} accepted, ${tooMany} answered 429, ${otherErrors} other errors`,
  );
  console.log(
    `  most sendMessage requests arriving in any 1 s: ${busiestSecond(calls.map((call) => call.at))} (accepted ones: ${busiestSecond(sent.map((call) => call.at))})`,
  );
  if (tooMany > 0) {
    // When in the broadcast the limits were overrun: at the start (connections opening) or all along.
    const seconds = calls
      .filter((call) => call.errorCode === 429)
      .map((call) => Math.floor((call.at - first) / 1000));
    console.log(`  429s in these seconds after the first send: ${[...new Set(seconds)].join(", ")}`);
  }
  const worst = [...run.stalls].sort((a, b) => b.ms - a.ms).slice(0, 8);
  console.log(
    `  event-loop stalls over ${STALL_MS} ms: ${run.stalls.length}; the worst (s after the first send: ms late): ${worst.map((stall) => `${Math.floor((stall.at - first) / 1000)}: ${stall.ms}`).join(", ")}`,
  );
  console.log(
    `  lost (chats without the alert): ${lost}; chats with more than one: ${doubled}; wrong text: ${wrong}`,
  );
  console.log(
    `  retry_after violations: ${standIn.violations.length}${standIn.violations.length ? ` (${standIn.violations.slice(0, 3).join("; ")})` : ""}`,
  );
}

/** The most of the ascending instants `at` in any window of 1 s (Telegram's sliding window). */
function busiestSecond(unsorted: readonly number[]): number {
  const at = [...unsorted].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < at.length; end++) {
    while ((at[start] ?? 0) <= (at[end] ?? 0) - 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

async function waitFor<T>(check: () => T | Promise<T>, timeoutMs: number): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

await main();
