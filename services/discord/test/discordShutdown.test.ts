import { spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../../packages/chat/test/deliveryFixtures.ts";
import { metricValue } from "../../../packages/chat/test/metricValue.ts";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { chatInputInteraction } from "../../../test/helpers/discord/chatInputInteraction.ts";
import { discordErrors } from "../../../test/helpers/discord/discordErrors.ts";
import {
  type DiscordApiStandIn,
  startDiscordApiStandIn,
} from "../../../test/helpers/discord/startDiscordApiStandIn.ts";
import { setupThrowawayPostgres } from "../../../test/helpers/setupThrowawayPostgres.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
type LogLine = Record<string, unknown> & { level: string; msg: string };

/** The Discord bot as its own process (`npm run discord`): its JSON lines, its ops server, its SIGTERM. */
describe("the Discord bot process", () => {
  let standIn: DiscordApiStandIn;
  let child: ReturnType<typeof spawn>;
  let exited: Promise<number | null>;
  let output = "";
  let opsUrl = "";
  const lines = () =>
    output
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    const databaseUrl = await setupThrowawayPostgres("dc_shutdown");
    standIn = await startDiscordApiStandIn({ limits: false });
    deferTeardown(() => standIn.close());
    child = spawn(process.execPath, ["--import", "tsx", "services/discord/src/main.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        DISCORD_TOKEN: standIn.token,
        DISCORD_APPLICATION_ID: standIn.applicationId,
        DISCORD_API_ROOT: standIn.apiRoot,
        // Nothing listens there: /help asks nothing of the gateway.
        GATEWAY_URL: "http://127.0.0.1:9",
        DATABASE_URL: databaseUrl,
        OPS_PORT: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    deferTeardown(() => (child.exitCode === null ? child.kill("SIGKILL") : undefined));
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
    }
    exited = once(child, "exit").then(([code]) => code as number | null);
    const running = await waitFor(() => lines().find((line) => typeof line.opsUrl === "string"), 60_000);
    opsUrl = String(running.opsUrl);
    await standIn.waitForGatewayReady();
  }, 90_000);

  it("is ready, and logs a failing command as a warning with its interactionId; the member gets an apology", async () => {
    expect(await (await fetch(`${opsUrl}/readyz`)).json()).toEqual({ ready: true, problems: [] });
    // The answer's edit is refused: the handler throws into the bot's one error boundary.
    standIn.failNext(/^PATCH \/webhooks\//, discordErrors.invalidFormBody);
    const interaction = chatInputInteraction({ applicationId: standIn.applicationId, command: "help" });
    standIn.dispatchInteraction(interaction);
    const failed = await waitFor(() => lines().find((line) => line.msg === "discord interaction failed"));
    expect(failed).toMatchObject({
      level: "warn",
      service: "discord",
      interactionId: interaction.id,
      command: "help",
      error: expect.stringMatching(/Invalid Form Body/),
    });
    await waitFor(() => (standIn.interactionReply(interaction.token)?.edits ?? 0) > 0);
    const metrics = await (await fetch(`${opsUrl}/metrics`)).text();
    expect(metricValue(metrics, "luma_bot_updates_total", { platform: "discord", result: "error" })).toBe(1);
  });

  it("stops on SIGTERM and exits 0", async () => {
    child.kill("SIGTERM");
    expect(await exited, output).toBe(0);
    expect(lines().map((line) => line.msg)).toContain("stopped");
  }, 30_000);
});
