import { describe, expect, it } from "vitest";
import { GatewayError, NetworkError } from "../src/api/graphqlRequest.ts";
import { pollIntent, retryDelayMs } from "../src/api/pollIntent.ts";
import type { SigningIntent } from "../src/api/types.ts";
import { PageError } from "../src/wallet/eip1193.ts";
import { stakeLumaIntent } from "./intentFixture.ts";

const limited = (retryAfterSeconds: unknown) =>
  new GatewayError("Too many requests", "RATE_LIMITED", { retryAfterSeconds });

describe("retryDelayMs", () => {
  it("follows the gateway's retryAfterSeconds", () => {
    expect(retryDelayMs(limited(7), 1_000)).toBe(7_000);
    expect(retryDelayMs(limited("3"), 1_000)).toBe(3_000);
  });

  it("waits at least 1 s when the gateway says 0 (or less): no tight loop", () => {
    expect(retryDelayMs(limited(0), 0)).toBe(1_000);
    expect(retryDelayMs(limited(0.2), 0)).toBe(1_000);
    expect(retryDelayMs(limited(-5), 0)).toBe(1_000);
  });

  it("waits at most a minute, whatever the gateway says", () => {
    expect(retryDelayMs(limited(3_600), 1_000)).toBe(60_000);
  });

  it("otherwise doubles from 1 s up to 10 s, also after a first read without delay", () => {
    expect(retryDelayMs(new NetworkError(), 0)).toBe(1_000);
    expect(retryDelayMs(new NetworkError(503), 1_000)).toBe(2_000);
    expect(retryDelayMs(limited(undefined), 4_000)).toBe(8_000);
    expect(retryDelayMs(new NetworkError(), 8_000)).toBe(10_000);
  });
});

describe("pollIntent", () => {
  /** Answers the reads in order (an intent, or a failure to throw); records the waits asked for. */
  function script(answers: (SigningIntent | Error)[]) {
    const waits: number[] = [];
    let reads = 0;
    const read = async () => {
      const answer = answers[reads++];
      if (!answer) throw new Error("read more often than scripted");
      if (answer instanceof Error) throw answer;
      return answer;
    };
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    return { read, sleep, waits, reads: () => reads };
  }

  const pending = stakeLumaIntent();
  const confirmed: SigningIntent = { ...pending, status: "CONFIRMED" };
  const isConfirmed = (intent: SigningIntent) => intent.status === "CONFIRMED";

  it("reads until done, once a second, and retries failures after the delay they call for", async () => {
    const { read, sleep, waits } = script([new NetworkError(), limited(0), pending, limited(5), confirmed]);
    const intent = await pollIntent(read, isConfirmed, { firstDelayMs: 0, sleep });
    expect(intent.status).toBe("CONFIRMED");
    expect(waits).toEqual([0, 1_000, 1_000, 1_000, 5_000]);
  });

  it("error: stops at an unknown intent or a refusal, without reading again", async () => {
    const unknown = new GatewayError("no such intent", "UNKNOWN_INTENT", {});
    const first = script([unknown, pending]);
    await expect(pollIntent(first.read, isConfirmed, { sleep: first.sleep })).rejects.toBe(unknown);
    expect(first.reads()).toBe(1);
    const refused = new PageError({ key: "status.REFUSED" });
    const second = script([pending, refused, confirmed]);
    await expect(pollIntent(second.read, isConfirmed, { sleep: second.sleep })).rejects.toBe(refused);
    expect(second.reads()).toBe(2);
  });
});
