import { describe, expect, it } from "vitest";
import { createReplicaConfig } from "../src/createReplicaConfig.ts";

describe("createReplicaConfig", () => {
  it("binds every interface, prefixes Redis with luma-pulse: and retries the indexer lock every 5 s by default", () => {
    expect(createReplicaConfig({})).toEqual({
      host: "0.0.0.0",
      redisPrefix: "luma-pulse:",
      indexerLockRetryMs: 5_000,
    });
  });

  it("reads HOST, REDIS_PREFIX and INDEXER_LOCK_RETRY_MS", () => {
    expect(
      createReplicaConfig({ HOST: "127.0.0.1", REDIS_PREFIX: "staging:", INDEXER_LOCK_RETRY_MS: "500" }),
    ).toEqual({ host: "127.0.0.1", redisPrefix: "staging:", indexerLockRetryMs: 500 });
  });

  it("error: one line per bad variable", () => {
    expect(() =>
      createReplicaConfig({ HOST: "http://0.0.0.0", REDIS_PREFIX: "a b", INDEXER_LOCK_RETRY_MS: "10" }),
    ).toThrow(
      [
        "HOST=http://0.0.0.0 is invalid: expected an interface address or host name, like 0.0.0.0 or 127.0.0.1.",
        "REDIS_PREFIX=a b is invalid: expected up to 64 letters, digits and _ : . -, like luma-pulse:.",
        "INDEXER_LOCK_RETRY_MS=10 is invalid: expected at least 100 ms.",
      ].join("\n"),
    );
  });

  it("error: a REDIS_PREFIX the bots would refuse (one value serves every service)", () => {
    for (const prefix of ["luma/pulse:", "luma{pulse}:", `${"p".repeat(65)}`])
      expect(() => createReplicaConfig({ REDIS_PREFIX: prefix }), prefix).toThrow(
        `REDIS_PREFIX=${prefix} is invalid: expected up to 64 letters, digits and _ : . -, like luma-pulse:.`,
      );
  });
});
