import { accessSync, constants } from "node:fs";
import { describe, expect, it } from "vitest";
import { anvilBinaryPath } from "../src/anvilBinaryPath.ts";
import { DevnetError } from "../src/DevnetError.ts";

describe("anvilBinaryPath", () => {
  it("finds the executable in this platform's @foundry-rs package", () => {
    const path = anvilBinaryPath();
    expect(path).toMatch(
      /@foundry-rs[/\\]anvil-(linux|darwin|win32)-(amd64|arm64)[/\\]bin[/\\]anvil(\.exe)?$/,
    );
    expect(() => accessSync(path, constants.X_OK)).not.toThrow();
  });

  it("error: a platform Foundry does not ship says so", () => {
    const error = (() => {
      try {
        anvilBinaryPath("freebsd", "x64");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DevnetError);
    expect(error).toMatchObject({ code: "unsupported_platform" });
    expect((error as Error).message).toContain("freebsd/x64");
  });

  it("error: a supported platform whose package is not installed says to run npm install", () => {
    expect(() => anvilBinaryPath("win32", "x64")).toThrow(/@foundry-rs\/anvil-win32-amd64 is not installed/);
  });
});
