import { spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { createLogger, toLogFunction } from "@luma-pulse/ops";
import { beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../../packages/chat/test/deliveryFixtures.ts";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { setupThrowawayPostgres } from "../../../test/helpers/setupThrowawayPostgres.ts";
import { type BotApiStandIn, startBotApiStandIn } from "../../../test/helpers/telegram/startBotApiStandIn.ts";
import { commandUpdate } from "../../../test/helpers/telegram/telegramUpdates.ts";
import { startTelegramBot } from "../src/startTelegramBot.ts";
import { messageText } from "./messageText.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const MEMBER = { id: 6_400_000_001, languageCode: "en" };
type LogLine = Record<string, unknown> & { level: string; msg: string };

/** What the Telegram bot writes: JSON lines, each update's carrying its id. */
describe("Telegram bot logging", () => {
  let standIn: BotApiStandIn;
  const lines: LogLine[] = [];

  beforeAll(async () => {
    const database = await openDatabase(
      createDbConfig({ DATABASE_URL: await setupThrowawayPostgres("tg_logging") }),
    );
    deferTeardown(() => database.close());
    standIn = await startBotApiStandIn({ limits: false });
    deferTeardown(() => standIn.close());
    const logger = createLogger({
      service: "telegram",
      level: "debug",
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    const bot = await startTelegramBot({
      // Nothing listens there: these tests ask nothing of the gateway.
      config: { token: standIn.token, apiRoot: standIn.apiRoot, gatewayUrl: "http://127.0.0.1:9" },
      prisma: database.prisma,
      log: toLogFunction(logger),
      logger,
    });
    deferTeardown(() => bot.stop());
  }, 60_000);

  /** Hands the bot an update by long polling; resolves with the bot's next message to the member. */
  const ask = async (text: string) => {
    const update = commandUpdate({ text, chat: "private", from: MEMBER });
    const from = standIn.calls.length;
    const answered = standIn.waitFor(
      (call) => standIn.calls.indexOf(call) >= from && call.ok && call.chatId === String(MEMBER.id),
      10_000,
    );
    standIn.pushUpdate(update);
    return { updateId: update.update_id, answer: await answered };
  };
  const linesOf = (updateId: number) => lines.filter((line) => line.updateId === updateId);

  it("logs each update handled as one debug line with its updateId and chatId, and no info line", async () => {
    const { updateId } = await ask("/help");
    await waitFor(() => linesOf(updateId).length > 0);
    expect(linesOf(updateId)).toEqual([
      expect.objectContaining({
        level: "debug",
        service: "telegram",
        msg: "telegram update handled",
        chatId: MEMBER.id,
        result: "ok",
        durationMs: expect.any(Number),
      }),
    ]);
  });

  it("error: an update that fails is logged as a warning with its updateId, and the member gets an apology", async () => {
    standIn.failNext("sendMessage", { error_code: 400, description: "Bad Request: can't parse entities" });
    const { updateId, answer } = await ask("/help");
    expect(messageText([answer])).toMatch(/^That did not work\nSomething went wrong on our side/);
    await waitFor(() => linesOf(updateId).some((line) => line.msg === "telegram update handled"));
    expect(linesOf(updateId).find((line) => line.msg === "telegram update failed")).toMatchObject({
      level: "warn",
      chatId: MEMBER.id,
      error: expect.stringMatching(/can't parse entities/),
    });
    expect(linesOf(updateId).find((line) => line.msg === "telegram update handled")).toMatchObject({
      level: "debug",
      result: "error",
    });
  });

  it("error: a bad LOG_LEVEL or OPS_PORT is one fatal JSON line each, naming the variable; exit 1", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "services/telegram/src/main.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        TELEGRAM_BOT_TOKEN: standIn.token,
        LOG_LEVEL: "loud",
        OPS_PORT: "99999",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    const written = output
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as LogLine);
    expect(written.map((line) => [line.level, line.msg])).toEqual([
      [
        "fatal",
        "The Telegram bot could not start: LOG_LEVEL=loud is invalid: expected one of trace, debug, info, warn, error, fatal, silent.",
      ],
      [
        "fatal",
        "The Telegram bot could not start: OPS_PORT=99999 is invalid: expected a port between 1 and 65535 (or 0 for any free port).",
      ],
    ]);
  }, 30_000);
});
