import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";

const ROOT = join(import.meta.dirname, "../../..");

type DevnetLog = {
  level: string;
  service: string;
  msg: string;
  port?: number;
  rpcUrl?: string;
  origin?: string;
};

/** `npm run devnet`'s entry point as its own process, as the compose `devnet` service runs it. */
function startDevnetMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "packages/devnet/src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  deferTeardown(() => child.exitCode === null && child.signalCode === null && child.kill("SIGKILL"));
  const lines: DevnetLog[] = [];
  let buffered = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (buffered + chunk).split("\n");
    buffered = parts.pop() ?? "";
    for (const part of parts) lines.push(JSON.parse(part) as DevnetLog);
  });
  const exited = once(child, "close").then(([code]) => code as number | null);
  /** The first log line whose message starts with `prefix`; rejects if the process exits first. */
  const logged = async (prefix: string) => {
    for (let done = false; ; ) {
      const line = lines.find((entry) => entry.msg.startsWith(prefix));
      if (line) return line;
      if (done) throw new Error(`the devnet exited without logging "${prefix}": ${JSON.stringify(lines)}`);
      done = await Promise.race([
        exited.then(() => true),
        new Promise<false>((r) => setTimeout(r, 200, false)),
      ]);
    }
  };
  return { child: child as ChildProcess, lines, exited, logged };
}

describe("npm run devnet (the compose devnet service)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "luma-devnet-main-"));
  deferTeardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = {
    ANVIL_HOST: "0.0.0.0",
    ANVIL_PORT: "0",
    LUMA_DATA_DIR: dataDir,
    LUMA_SIMULATOR_TICK_MS: "200",
  };
  const manifest = () => JSON.parse(readFileSync(join(dataDir, "devnet/manifest.json"), "utf8"));

  it("seeds a chain on all interfaces, writes DEVNET_RPC_URL into the manifest, and exits 0 on SIGTERM", async () => {
    const devnet = startDevnetMain({ ...env, DEVNET_RPC_URL: "http://devnet:8545" });
    const ready = await devnet.logged("devnet ready");
    expect(ready).toMatchObject({
      level: "info",
      service: "devnet",
      rpcUrl: "http://devnet:8545",
      origin: "seeded",
    });
    expect(manifest().rpcUrl).toBe("http://devnet:8545");
    // What the container's health check runs; 0.0.0.0 also answers on loopback.
    const probe = [join(ROOT, "deploy/healthcheck.mjs"), "--rpc", `http://127.0.0.1:${ready.port}`];
    expect(
      spawnSync(process.execPath, [...probe, "--file", join(dataDir, "devnet/manifest.json")]).status,
    ).toBe(0);
    devnet.child.kill("SIGTERM");
    expect(await devnet.exited).toBe(0);
    expect(devnet.lines.at(-1)?.msg).toBe("stopped");
    expect(existsSync(join(dataDir, "devnet/anvil-state.json"))).toBe(true);
    expect(spawnSync(process.execPath, probe).status).toBe(1); // anvil stopped with it
  }, 300_000);

  it("reuses the saved chain on restart and rewrites the manifest for a new DEVNET_RPC_URL", async () => {
    const devnet = startDevnetMain({
      ...env,
      DEVNET_RPC_URL: "http://chain.internal:8545",
      LUMA_SIMULATOR: "0",
    });
    expect(await devnet.logged("devnet ready")).toMatchObject({ origin: "reused" });
    expect(manifest().rpcUrl).toBe("http://chain.internal:8545");
    devnet.child.kill("SIGTERM");
    expect(await devnet.exited).toBe(0);
  }, 120_000);

  it("error: refuses a malformed DEVNET_RPC_URL with one line and exits 1", async () => {
    const devnet = startDevnetMain({ ...env, DEVNET_RPC_URL: "devnet:8545" });
    expect(await devnet.exited).toBe(1);
    expect(devnet.lines).toEqual([
      expect.objectContaining({
        level: "fatal",
        msg: "the devnet could not start: DEVNET_RPC_URL=devnet:8545 is invalid: expected the http(s):// URL other hosts reach the chain at.",
      }),
    ]);
  });
});
