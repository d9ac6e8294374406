/**
 * Issue 5's third bar: a command's reply with the gateway on the same host, p95 under 300 ms:
 * `npx tsx bench/telegramCommandLatency.ts [--commands 200] [--users 40]`.
 *
 * A freshly seeded devnet (48 weeks of history) with its activity simulator running (new blocks
 * and burns every second: the gateway's per-block cache turns over as live), the gateway in a
 * child process on a throwaway PostgreSQL database, the whole bot (startTelegramBot, long polling
 * through the Bot API stand-in with Telegram's limits) in this process. Commands go one at a time,
 * 100–400 ms apart, from `users` private chats (each user's chat at most once every few seconds,
 * well inside 1 message/s), /yields /sora /price /burns /position <address> /help in turn, in
 * English and Chinese (the sender's language_code). Each is timed from pushing its update to the
 * stand-in until the stand-in reads the reply's first sendMessage/sendPhoto ("first"), and its
 * last one (a chart as a photo, then its text: "whole reply"). Six commands warm up unmeasured.
 */
import type { RecordedCall } from "../test/helpers/telegram/RecordedCall.ts";
import { commandUpdate } from "../test/helpers/telegram/telegramUpdates.ts";
import { startSeededChain } from "./helpers/telegramBenchChain.ts";
import { latencySummary, loadAverage, machineLine, numberFlag } from "./helpers/telegramBenchStats.ts";
import { startTelegramBenchWorld } from "./helpers/telegramBenchWorld.ts";

const FIRST_USER_ID = 5_400_000_000;
const SENDS = new Set(["sendMessage", "sendPhoto"]);

type Asked = { name: string; locale: "en" | "zh"; chatId: string; pushedAt: number; from: number };

async function main(): Promise<void> {
  const count = numberFlag("commands", 200);
  const users = numberFlag("users", 40);
  console.log(machineLine());
  const chain = await startSeededChain(true);
  const world = await startTelegramBenchWorld({ manifestPath: chain.manifestPath, label: "tgcommands" });
  try {
    const { standIn } = world;
    await world.startBot();
    const texts = [
      "/yields",
      "/sora",
      "/price",
      "/burns",
      ...chain.members.slice(0, 1).map((member) => `/position ${member}`),
      "/help",
    ];
    const ask = async (i: number): Promise<Asked> => {
      const text = texts[i % texts.length] ?? "/help";
      const locale = Math.floor(i / texts.length) % 2 === 0 ? "en" : "zh";
      const userId = FIRST_USER_ID + (i % users);
      const from = standIn.calls.length;
      const pushedAt = Date.now();
      standIn.pushUpdate(
        commandUpdate({ text, chat: "private", from: { id: userId, languageCode: locale } }),
      );
      const chatId = String(userId);
      await standIn.waitFor(
        (call) =>
          standIn.calls.indexOf(call) >= from && call.ok && SENDS.has(call.method) && call.chatId === chatId,
        20_000,
      );
      return { name: text.split(" ")[0] ?? text, locale, chatId, pushedAt, from };
    };
    for (let i = 0; i < texts.length; i++) await ask(i);
    const asked: Asked[] = [];
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 300));
      asked.push(await ask(i));
    }
    // The whole reply has gone out when the next command starts a few seconds later.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    report(asked, standIn.calls);
    const tooMany = standIn.calls.filter((call) => call.errorCode === 429).length;
    console.log(`429s: ${tooMany}; retry_after violations: ${standIn.violations.length}`);
    console.log(`load average after: ${loadAverage()}`);
  } finally {
    await world.stop();
    await chain.stop();
  }
}

function report(asked: readonly Asked[], calls: readonly RecordedCall[]) {
  const first = new Map<string, number[]>();
  const whole: number[] = [];
  const allFirst: number[] = [];
  const shown = new Set<string>();
  asked.forEach((command, i) => {
    const next = asked.slice(i + 1).find((later) => later.chatId === command.chatId);
    const replies = calls
      .slice(command.from, next?.from)
      .filter((call) => call.ok && SENDS.has(call.method) && call.chatId === command.chatId);
    const [head] = replies;
    if (!head) return;
    const samples = first.get(command.name) ?? [];
    samples.push(head.at - command.pushedAt);
    first.set(command.name, samples);
    allFirst.push(head.at - command.pushedAt);
    whole.push((replies.at(-1) ?? head).at - command.pushedAt);
    const key = `${command.name} ${command.locale}`;
    if (!shown.has(key)) {
      shown.add(key);
      const text = String(head.params.text ?? head.params.caption ?? "").split("\n")[0];
      console.log(`  ${key.padEnd(12)} ${replies.map((call) => call.method).join("+")}: ${text}`);
    }
  });
  console.log(`\ncommand → first reply message, ${asked.length} commands (en and zh)`);
  for (const [name, samples] of first) console.log(`  ${latencySummary(name.padEnd(9), samples)}`);
  console.log(`  ${latencySummary("all      ", allFirst)}`);
  console.log(`  ${latencySummary("whole reply (last message)", whole)}`);
}

await main();
