import { spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const FIXTURE = resolve(import.meta.dirname, "fixtures/drainingProcess.ts");

/** Runs the fixture, sends it `signals` once it is ready, and collects its JSON lines until it exits. */
async function runUntilExit(env: Record<string, string>, signals: NodeJS.Signals[]) {
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // Listened for at once (a process that fails by itself may end before "ready" is read); "close"
  // comes after its last output is read.
  const exited = once(child, "close");
  let output = "";
  child.stdout.setEncoding("utf8");
  await new Promise<void>((ready) =>
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
      if (output.includes("ready")) ready();
    }),
  );
  for (const signal of signals) child.kill(signal);
  const [code] = (await exited) as [number | null];
  const lines = output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { level: string; msg: string; service: string });
  return { code, lines };
}

describe("handleShutdownSignals", () => {
  it("drains on SIGTERM, then exits 0 and says so in JSON log lines", async () => {
    const { code, lines } = await runUntilExit({ DRAIN_MS: "300" }, ["SIGTERM"]);
    expect(code).toBe(0);
    expect(lines.map((line) => line.msg)).toEqual(["stopping: draining requests and sends", "stopped"]);
    expect(lines[0]).toMatchObject({ level: "info", service: "fixture", signal: "SIGTERM" });
  });

  it("error: exits 1 when the drain outlasts the timeout", async () => {
    const { code, lines } = await runUntilExit({ DRAIN_MS: "60000", TIMEOUT_MS: "1000" }, ["SIGTERM"]);
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatchObject({ level: "error", msg: "the drain did not finish in time: exiting" });
  });

  it("error: a second signal exits 1 without waiting for the drain", async () => {
    const { code, lines } = await runUntilExit({ DRAIN_MS: "60000" }, ["SIGTERM", "SIGINT"]);
    expect(code).toBe(1);
    expect(lines.at(-1)?.msg).toBe("second signal: exiting without finishing the drain");
  });
});

describe("Shutdown.fail", () => {
  it("error: logs the reason as fatal, drains, then exits 1 though the drain succeeded", async () => {
    const { code, lines } = await runUntilExit({ DRAIN_MS: "300", FAIL_REASON: "token revoked" }, []);
    expect(code).toBe(1);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      ["fatal", "token revoked"],
      ["info", "stopping: draining requests and sends"],
      ["info", "stopped"],
    ]);
  });

  it("error: exits 1 when the drain after a failure outlasts the timeout", async () => {
    const { code, lines } = await runUntilExit(
      { DRAIN_MS: "60000", TIMEOUT_MS: "1000", FAIL_REASON: "token revoked" },
      [],
    );
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatchObject({ level: "error", msg: "the drain did not finish in time: exiting" });
  });
});
