/**
 * Issue 6's second bar: interactions acknowledged with p99 under 300 ms while a broadcast runs:
 * `npx tsx bench/discordAckLatency.ts [--commands 200] [--channels 1000] [--every 100]`.
 *
 * The world of discordBroadcast.ts (fresh anvil, the gateway and the stand-in in child processes,
 * the whole bot in this one, a throwaway PostgreSQL database). One burn starts the alert to
 * `--channels` channels; once its outbox rows are committed, members run `--commands` slash
 * commands (/price, /sora, /yields, /burns in turn, en-US and zh-CN), one every `--every` ms, sent
 * over the stand-in's gateway WebSocket as INTERACTION_CREATE. A command's acknowledgement time runs
 * from that dispatch to the interaction callback (the bot's deferral) the stand-in records; its
 * answer time to the first edit of the reply (the gateway's figures and the chart in it).
 */
import { chatInputInteraction, EVERYONE_PERMISSIONS } from "../test/helpers/discord/chatInputInteraction.ts";
import { BENCH_GUILD_ID, startDiscordBenchWorld, subscribeChannels, waitFor } from "./discordBenchWorld.ts";
import { startFreshChain } from "./helpers/telegramBenchChain.ts";
import {
  latencySummary,
  loadAverage,
  machineLine,
  numberFlag,
  percentile,
} from "./helpers/telegramBenchStats.ts";

const COMMANDS = ["price", "sora", "yields", "burns"] as const;
const LOCALES = ["en-US", "zh-CN"] as const;
const BAR_P99_MS = 300;

async function main(): Promise<void> {
  const commands = numberFlag("commands", 200);
  const count = numberFlag("channels", 1_000);
  const everyMs = numberFlag("every", 100);
  console.log(machineLine());
  const chain = await startFreshChain();
  const world = await startDiscordBenchWorld({ manifestPath: chain.manifestPath, label: "dcack" });
  try {
    const { prisma, standIn, logs } = world;
    await subscribeChannels(prisma, count);
    await world.startBot();
    await waitFor(() => prisma.streamCursor.findFirst(), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await chain.burn();
    const queued = await waitFor(() => logs.find((line) => line.message === "burn queued"), 60_000);

    const dispatchedAt = new Map<string, number>();
    for (let i = 0; i < commands; i++) {
      const payload = chatInputInteraction({
        applicationId: standIn.applicationId,
        command: COMMANDS[i % COMMANDS.length] ?? "price",
        locale: LOCALES[Math.floor(i / COMMANDS.length) % LOCALES.length],
        userId: String(1_520_000_000_000_000_000n + BigInt(i)),
        guild: { id: BENCH_GUILD_ID, channelId: "1530000000000000001", permissions: EVERYONE_PERMISSIONS },
      });
      dispatchedAt.set(payload.token, await standIn.dispatchInteraction(payload));
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
    const answered = (calls: { method: string; path: string }[]) =>
      calls.filter((call) => call.method === "PATCH" && call.path.startsWith("/webhooks/")).length;
    await waitFor(
      async () =>
        (await prisma.alertDelivery.count({ where: { status: { in: ["pending", "sending"] } } })) === 0 &&
        answered((await standIn.report()).calls) >= commands,
      120_000,
    );

    const { calls, violations } = await standIn.report();
    const tokenOf = (path: string) =>
      /^\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)\//.exec(path)?.[1] ?? "";
    const firstAt = new Map<string, { ack?: number; answer?: number }>();
    for (const call of calls) {
      const token = tokenOf(call.path);
      if (!dispatchedAt.has(token)) continue;
      const seen = firstAt.get(token) ?? {};
      if (call.path.endsWith("/callback")) seen.ack ??= call.at;
      else if (call.method === "PATCH") seen.answer ??= call.at;
      firstAt.set(token, seen);
    }
    const posts = calls.filter(
      (call) =>
        call.method === "POST" && /^\/channels\/\d+\/messages$/.test(call.path) && call.status === 200,
    );
    const lastPost = posts.at(-1)?.at ?? Number.NaN;
    // Only the commands that came while the alert was going out count.
    const acks: number[] = [];
    const answers: number[] = [];
    for (const [token, at] of dispatchedAt) {
      const seen = firstAt.get(token);
      if (at > lastPost) continue;
      if (seen?.ack !== undefined) acks.push(seen.ack - at);
      if (seen?.answer !== undefined) answers.push(seen.answer - at);
    }
    const floorMs = (count / 50) * 1000;
    console.log(
      `\n${commands} slash commands, one every ${everyMs} ms, during an alert to ${count} channels (${posts.length} posts)`,
    );
    console.log(
      `  broadcast: outbox committed → last post ${((lastPost - queued.at) / 1000).toFixed(2)} s (${((lastPost - queued.at) / floorMs).toFixed(3)}× the ${floorMs / 1000} s floor); ${acks.length} commands dispatched before its last post (counted below)`,
    );
    const sortedAcks = [...acks].sort((a, b) => a - b);
    console.log(
      `  ${latencySummary("acknowledgement (dispatch → callback)", acks)}; p99 ${percentile(sortedAcks, 99).toFixed(0)} ms (bar < ${BAR_P99_MS} ms)`,
    );
    console.log(`  ${latencySummary("answer (dispatch → reply edited)", answers)}`);
    const invalid = calls.filter((call) => [401, 403, 429].includes(call.status));
    console.log(
      `  invalid requests (401/403/429): ${invalid.length} of ${calls.length}${invalid.length ? ` (${invalid.map((call) => `${call.status} ${call.method} ${call.path.replace(/\d{17,}/g, ":id")}`).join("; ")})` : ""}`,
    );
    const failures = logs.filter((line) => /failed/.test(line.message)).length;
    if (violations.length) console.log(`  over a limit: ${violations.slice(0, 5).join("; ")}`);
    console.log(`  bot logs with "failed": ${failures}; load average after: ${loadAverage()}`);
  } finally {
    await world.stop();
    await chain.stop();
  }
}

await main();
