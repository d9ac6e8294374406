import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isAlive } from "./helpers/isAlive.ts";

const FIXTURE = fileURLToPath(new URL("./fixtures/startAnvilThenDie.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Runs the fixture in a fresh Node process; resolves with anvil's pid and how Node ended. */
async function runFixture(how: string) {
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE, how], {
    cwd: ROOT, // where `tsx` resolves from
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  const pid = Number.parseInt(stdout, 10);
  expect(pid, `fixture printed no pid (stdout: ${stdout})`).toBeGreaterThan(0);
  return { pid, code, signal };
}

/** A killed child is reaped by init shortly after its parent is gone: allow it a moment. */
async function expectGone(pid: number): Promise<void> {
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(isAlive(pid), `anvil ${pid} outlived its Node process`).toBe(false);
}

describe("stopOnExit", () => {
  it("kills anvil when Node calls process.exit() without stop()", async () => {
    const { pid, code } = await runFixture("exit");
    expect(code).toBe(0);
    await expectGone(pid);
  });

  it("kills anvil when Node dies of an uncaught exception", async () => {
    const { pid, code } = await runFixture("throw");
    expect(code).toBe(1);
    await expectGone(pid);
  });

  it("kills anvil on SIGTERM (how vitest ends its workers) and still dies of the signal", async () => {
    const { pid, signal } = await runFixture("sigterm");
    expect(signal).toBe("SIGTERM");
    await expectGone(pid);
  });

  it("kills anvil on SIGINT and still dies of the signal", async () => {
    const { pid, signal } = await runFixture("sigint");
    expect(signal).toBe("SIGINT");
    await expectGone(pid);
  });
});
