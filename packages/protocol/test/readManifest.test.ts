import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManifestError, readManifest } from "../src/index.ts";
import { validManifestJson } from "./helpers/validManifestJson.ts";

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "luma-manifest-"));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function failureOf(path: string): Promise<ManifestError> {
  const error = await readManifest(path).catch((caught: unknown) => caught);
  if (error instanceof ManifestError) return error;
  throw new Error(`expected a ManifestError, got ${String(error)}`);
}

describe("readManifest", () => {
  it("reads and validates a manifest file", async () => {
    const path = join(directory, "devnet.json");
    await writeFile(path, JSON.stringify(validManifestJson(), null, 2));
    const manifest = await readManifest(path);
    expect(manifest.chainId).toBe(31337);
    expect(manifest.startBlock).toBe(0n);
    expect(manifest.contracts.multicall3).toBe("0xcA11bde05977b3631167028862bE2a173976CA11");
  });

  it("error: a missing file says how to create one", async () => {
    const path = join(directory, "nope.json");
    const error = await failureOf(path);
    expect(error.code).toBe("missing");
    expect(error.message).toBe(
      `No deployment manifest at ${path}. Run \`npm start\` to deploy the devnet, or set LUMA_MANIFEST to a deployment's manifest.`,
    );
  });

  it("error: a file that is not JSON gives the line, column and position", async () => {
    const path = join(directory, "broken.json");
    await writeFile(path, '{\n  "version": 1,\n  "chainId": 31337\n  "rpcUrl": "x"\n}');
    const error = await failureOf(path);
    expect(error.code).toBe("not_json");
    expect(error.message).toBe(
      `Deployment manifest ${path} is not valid JSON: unexpected '"' at line 4, column 3 (position 39).`,
    );
  });

  it("error: a truncated file reports the end of file", async () => {
    const path = join(directory, "truncated.json");
    await writeFile(path, '{"version": 1');
    const error = await failureOf(path);
    expect(error.message).toContain("unexpected end of file at line 1, column 14 (position 13)");
  });

  it("error: an empty file says so", async () => {
    const path = join(directory, "empty.json");
    await writeFile(path, "");
    expect((await failureOf(path)).message).toBe(
      `Deployment manifest ${path} is not valid JSON: the file is empty.`,
    );
  });

  it("error: a schema mismatch names the file and the first bad field", async () => {
    const path = join(directory, "bad.json");
    const json = validManifestJson();
    await writeFile(path, JSON.stringify({ ...json, contracts: { ...json.contracts, sora: "0x12" } }));
    const error = await failureOf(path);
    expect(error).toMatchObject({ code: "invalid", field: "contracts.sora", path });
    expect(error.message).toBe(
      `Invalid deployment manifest ${path}: contracts.sora: expected a 0x-prefixed 20-byte address, got "0x12"`,
    );
  });

  it("error: a directory instead of a file is unreadable, in one line", async () => {
    const error = await failureOf(directory);
    expect(error.code).toBe("unreadable");
    expect(error.message).not.toContain("\n");
  });

  it("error: every message is one line", async () => {
    const path = join(directory, "multiline.json");
    await writeFile(path, '{\n"a": }\n');
    expect((await failureOf(path)).message).not.toContain("\n");
  });
});
