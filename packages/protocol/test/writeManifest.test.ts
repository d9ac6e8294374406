import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Address } from "viem";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManifestError, parseManifest, readManifest, writeManifest } from "../src/index.ts";
import { validManifestJson } from "./helpers/validManifestJson.ts";

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "luma-manifest-"));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("writeManifest", () => {
  it("writes a manifest that readManifest reads back unchanged", async () => {
    const manifest = parseManifest({ ...validManifestJson(), startBlock: "12345678901234567890" });
    const path = join(directory, "devnet.json");
    await writeManifest(path, manifest);
    expect(await readManifest(path)).toEqual(manifest);
  });

  it("stores bigints as decimal strings and dates as ISO strings", async () => {
    const path = join(directory, "devnet.json");
    await writeManifest(path, parseManifest({ ...validManifestJson(), startBlock: "42" }));
    const json = JSON.parse(await readFile(path, "utf8"));
    expect(json.startBlock).toBe("42");
    expect(json.launchTime).toBe("2025-12-14T00:00:00.000Z");
    expect(json).toEqual({ ...validManifestJson(), startBlock: "42" });
  });

  it("creates the directory and leaves no temporary file behind", async () => {
    const path = join(directory, "deployments", "devnet.json");
    await writeManifest(path, parseManifest(validManifestJson()));
    expect(await readdir(join(directory, "deployments"))).toEqual(["devnet.json"]);
  });

  it("replaces an existing manifest atomically (readers see the old or the new one)", async () => {
    const path = join(directory, "devnet.json");
    const first = parseManifest(validManifestJson());
    const second = { ...first, startBlock: 7n };
    await writeManifest(path, first);
    const reads: bigint[] = [];
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => writeManifest(path, i % 2 ? first : second)),
      ...Array.from({ length: 20 }, async () => reads.push((await readManifest(path)).startBlock)),
    ]);
    expect(reads.every((block) => block === 0n || block === 7n)).toBe(true);
    expect(await readdir(directory)).toEqual(["devnet.json"]);
  });

  it("error: refuses to write an invalid manifest", async () => {
    const manifest = parseManifest(validManifestJson());
    const broken = { ...manifest, contracts: { ...manifest.contracts, sora: "0x12" as Address } };
    const path = join(directory, "devnet.json");
    const error = await writeManifest(path, broken).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as ManifestError).message).toBe(
      `Refusing to write an invalid deployment manifest to ${path}: contracts.sora: expected a 0x-prefixed 20-byte address, got "0x12"`,
    );
    expect(await readdir(directory)).toEqual([]);
  });
});
