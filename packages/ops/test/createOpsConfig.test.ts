import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, createOpsConfig, toLogFunction } from "../src/index.ts";

describe("createOpsConfig", () => {
  it("uses the service's default ops port on every interface, info logs and a 25 s drain by default", () => {
    expect(createOpsConfig({}, { opsPort: 9464 })).toEqual({
      logLevel: "info",
      opsPort: 9464,
      opsHost: "0.0.0.0",
      shutdownTimeoutMs: 25_000,
    });
  });

  it("reads LOG_LEVEL, OPS_PORT, OPS_HOST and SHUTDOWN_TIMEOUT_MS", () => {
    expect(
      createOpsConfig(
        { LOG_LEVEL: "debug", OPS_PORT: "0", OPS_HOST: "10.0.0.5", SHUTDOWN_TIMEOUT_MS: "5000" },
        { opsPort: 9464 },
      ),
    ).toEqual({ logLevel: "debug", opsPort: 0, opsHost: "10.0.0.5", shutdownTimeoutMs: 5000 });
  });

  it("binds OPS_HOST to an IPv6 address or an internal hostname", () => {
    expect(createOpsConfig({ OPS_HOST: "::1" }).opsHost).toBe("::1");
    expect(createOpsConfig({ OPS_HOST: "metrics.internal" }).opsHost).toBe("metrics.internal");
  });

  it("error: names every bad variable on its own line", () => {
    expect(() =>
      createOpsConfig({ LOG_LEVEL: "loud", OPS_PORT: "99999", OPS_HOST: "http://10.0.0.5" }),
    ).toThrow(
      "LOG_LEVEL=loud is invalid: expected one of trace, debug, info, warn, error, fatal, silent.\n" +
        "OPS_PORT=99999 is invalid: expected a port between 1 and 65535 (or 0 for any free port).\n" +
        "OPS_HOST=http://10.0.0.5 is invalid: expected an IP address or a hostname of the interface to bind.",
    );
  });

  it("error: OPS_HOST digits that are no IPv4 address", () => {
    expect(() => createOpsConfig({ OPS_HOST: "10.0.0.500" })).toThrow(
      "OPS_HOST=10.0.0.500 is invalid: expected an IP address or a hostname of the interface to bind.",
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
