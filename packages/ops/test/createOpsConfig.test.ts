import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, createOpsConfig, toLogFunction } from "../src/index.ts";

describe("createOpsConfig", () => {
  it("uses the service's default ops port, info logs and a 25 s drain when nothing is set", () => {
    expect(createOpsConfig({}, { opsPort: 9464 })).toEqual({
      logLevel: "info",
      opsPort: 9464,
      shutdownTimeoutMs: 25_000,
    });
  });

  it("reads LOG_LEVEL, OPS_PORT and SHUTDOWN_TIMEOUT_MS", () => {
    expect(
      createOpsConfig({ LOG_LEVEL: "debug", OPS_PORT: "0", SHUTDOWN_TIMEOUT_MS: "5000" }, { opsPort: 9464 }),
    ).toEqual({ logLevel: "debug", opsPort: 0, shutdownTimeoutMs: 5000 });
  });

  it("error: names every bad variable on its own line", () => {
    expect(() => createOpsConfig({ LOG_LEVEL: "loud", OPS_PORT: "99999" })).toThrow(
      "LOG_LEVEL=loud is invalid: expected one of trace, debug, info, warn, error, fatal, silent.\n" +
        "OPS_PORT=99999 is invalid: expected a port between 1 and 65535 (or 0 for any free port).",
    );
  });
});

describe("toLogFunction", () => {
  it("writes JSON lines with the service, and failures as warnings", () => {
    const stream = new PassThrough();
    const lines: Array<Record<string, unknown>> = [];
    stream.on("data", (chunk: Buffer) => lines.push(JSON.parse(chunk.toString())));
    const log = toLogFunction(createLogger({ service: "gateway", destination: stream }));
    log("indexer: caught up", { block: "12" });
    log("indexer: sync failed, will try again: ECONNREFUSED");
    expect(lines).toMatchObject([
      { level: "info", service: "gateway", msg: "indexer: caught up", block: "12" },
      { level: "warn", msg: "indexer: sync failed, will try again: ECONNREFUSED" },
    ]);
    expect(typeof lines[0]?.time).toBe("string");
  });
});
