import { describe, expect, it } from "vitest";
import { assertManifestChain, ManifestError, parseManifest } from "../src/index.ts";
import { validManifestJson } from "./helpers/validManifestJson.ts";

describe("assertManifestChain", () => {
  const manifest = parseManifest(validManifestJson());

  it("passes when the RPC is on the manifest's chain", () => {
    expect(() => assertManifestChain(manifest, 31337)).not.toThrow();
  });

  it("error: a manifest of another chain says both chain ids and what to do", () => {
    let error: unknown;
    try {
      assertManifestChain(manifest, 1);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ManifestError);
    expect(error).toMatchObject({ code: "wrong_chain" });
    expect((error as ManifestError).message).toBe(
      "The deployment manifest is for chain 31337, but the RPC is on chain 1. Point the RPC at chain 31337, or set LUMA_MANIFEST to this chain's manifest.",
    );
  });
});
