import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertStateFileReadable, promoteStateDump, stateDumpPath } from "../src/chainStateFile.ts";
import { startAnvil } from "../src/startAnvil.ts";
import { rpc } from "./helpers/rpc.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "luma-state-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("promoteStateDump", () => {
  it("replaces the state file with a complete dump", async () => {
    const state = join(dir, "state.json");
    await writeFile(state, '{"old":true}');
    await writeFile(stateDumpPath(state), '{"new":true}');
    await promoteStateDump(state);
    expect(await readFile(state, "utf8")).toBe('{"new":true}');
    expect(existsSync(stateDumpPath(state))).toBe(false);
  });

  it("drops a dump cut off mid-write and keeps the last complete state", async () => {
    const state = join(dir, "state.json");
    await writeFile(state, '{"old":true}');
    await writeFile(stateDumpPath(state), '{"new":tr');
    await promoteStateDump(state);
    expect(await readFile(state, "utf8")).toBe('{"old":true}');
    expect(existsSync(stateDumpPath(state))).toBe(false);
  });
});

describe("assertStateFileReadable", () => {
  it("error: names a damaged state file and how to start fresh", async () => {
    const state = join(dir, "state.json");
    await writeFile(state, '{"block": {"num');
    await expect(assertStateFileReadable(state)).rejects.toThrow(
      `The saved chain state ${state} is damaged (not complete JSON). To start over with a fresh devnet, run \`LUMA_DEVNET_FRESH=1 npm start\`.`,
    );
  });
});

describe("startAnvil with a state file", () => {
  it("continues the same chain after a stop and a new start", async () => {
    const state = join(dir, "state.json");
    const first = await startAnvil({ stateFile: state });
    await rpc(first.rpcUrl, "anvil_mine", ["0x5"]);
    await first.stop();
    expect(existsSync(state)).toBe(true);
    const second = await startAnvil({ stateFile: state });
    try {
      expect(BigInt(await rpc<string>(second.rpcUrl, "eth_blockNumber"))).toBe(5n);
    } finally {
      await second.stop();
    }
  });
});
