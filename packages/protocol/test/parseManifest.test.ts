import { describe, expect, it } from "vitest";
import { ManifestError, parseManifest } from "../src/index.ts";
import { validManifestJson } from "./helpers/validManifestJson.ts";

function messageOf(value: unknown): string {
  try {
    parseManifest(value, "deployments/devnet.json");
  } catch (error) {
    if (error instanceof ManifestError && error.code === "invalid") return error.message;
    throw error;
  }
  throw new Error("parseManifest did not throw");
}

describe("parseManifest", () => {
  it("returns typed values: bigint startBlock, Date timestamps, checksummed addresses", () => {
    const json = validManifestJson();
    const manifest = parseManifest({
      ...json,
      startBlock: "18446744073709551615",
      contracts: { ...json.contracts, sora: json.contracts.sora.toLowerCase() },
    });
    expect(manifest.startBlock).toBe(18446744073709551615n);
    expect(manifest.launchTime).toEqual(new Date("2025-12-14T00:00:00Z"));
    expect(manifest.deployedAt.getTime()).toBe(Date.parse("2025-12-14T00:05:00Z"));
    expect(manifest.contracts.sora).toBe(json.contracts.sora);
    expect(manifest.contracts.multicall3).toBe("0xcA11bde05977b3631167028862bE2a173976CA11");
  });

  it("accepts dates with a time-zone offset", () => {
    const manifest = parseManifest({ ...validManifestJson(), launchTime: "2025-12-14T08:00:00+08:00" });
    expect(manifest.launchTime.toISOString()).toBe("2025-12-14T00:00:00.000Z");
  });

  it("accepts websocket RPC URLs", () => {
    expect(parseManifest({ ...validManifestJson(), rpcUrl: "wss://rpc.example/ws" }).rpcUrl).toBe(
      "wss://rpc.example/ws",
    );
  });

  it("error: names a short address and what was expected", () => {
    const json = validManifestJson();
    expect(messageOf({ ...json, contracts: { ...json.contracts, sora: "0x12" } })).toBe(
      'Invalid deployment manifest deployments/devnet.json: contracts.sora: expected a 0x-prefixed 20-byte address, got "0x12"',
    );
  });

  it("error: calls a mixed-case address with a wrong checksum a likely typo", () => {
    const json = validManifestJson();
    const broken = json.contracts.luma.replace(/[a-f]/, (char) => char.toUpperCase());
    expect(messageOf({ ...json, contracts: { ...json.contracts, luma: broken } })).toContain(
      `contracts.luma: expected a valid EIP-55 checksum (is there a typo in the address?), got "${broken}"`,
    );
  });

  it("error: names a missing contract", () => {
    const { feeBuyback: _, ...contracts } = validManifestJson().contracts;
    expect(messageOf({ ...validManifestJson(), contracts })).toContain(
      "contracts.feeBuyback: expected a 0x-prefixed 20-byte address, but the field is missing",
    );
  });

  it("error: names only the first bad field and counts the rest", () => {
    const json = validManifestJson();
    const message = messageOf({ ...json, chainId: "31337", startBlock: 0 });
    expect(message).toBe(
      'Invalid deployment manifest deployments/devnet.json: chainId: expected a chain id (a positive integer), got "31337" (and 1 more problems)',
    );
  });

  it.each([
    ["version", 2, "version: expected 1 (the only manifest version this code reads), got 2"],
    ["chainId", -1, "chainId: expected a chain id (a positive integer), got -1"],
    ["chainId", 1.5, "chainId: expected a chain id (a positive integer), got 1.5"],
    ["rpcUrl", "ftp://x", 'rpcUrl: expected an http(s):// or ws(s):// URL, got "ftp://x"'],
    ["startBlock", 12, 'startBlock: expected a block number as a decimal string, like "0", got 12'],
    ["startBlock", "-1", 'startBlock: expected a block number as a decimal string, like "0", got "-1"'],
    ["startBlock", "0x10", 'startBlock: expected a block number as a decimal string, like "0", got "0x10"'],
    [
      "launchTime",
      "14 December",
      'launchTime: expected an ISO 8601 date-time like 2025-12-14T00:00:00Z, got "14 December"',
    ],
    ["contracts", [], "contracts: expected an object with the contract addresses, got an array"],
  ])("error: explains a bad %s (%j)", (field, value, expected) => {
    expect(messageOf({ ...validManifestJson(), [field]: value })).toContain(expected);
  });

  it("error: says when the document is not an object at all", () => {
    expect(messageOf([1, 2])).toBe(
      "Invalid deployment manifest deployments/devnet.json: the manifest: expected a JSON object, got an array",
    );
  });

  it("error: carries the field and code for programs", () => {
    try {
      parseManifest({ ...validManifestJson(), version: 3 });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ name: "ManifestError", code: "invalid", field: "version" });
    }
  });
});
