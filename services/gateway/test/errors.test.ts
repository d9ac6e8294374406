import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { type RunningGateway, startGateway } from "../src/startGateway.ts";
import { postGraphql } from "./postGraphql.ts";
import { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";
import { startCuttableProxy } from "./startCuttableProxy.ts";

let gateway: RunningGateway;
let proxy: Awaited<ReturnType<typeof startCuttableProxy>>;

const post = (query: string, headers: Record<string, string> = {}) =>
  postGraphql(gateway.url, query, headers);

beforeAll(async () => {
  const chain = await setupChain();
  proxy = await startCuttableProxy(chain.manifest.rpcUrl);
  gateway = await startGateway({
    database: await setupDatabase(),
    manifest: { ...chain.manifest, rpcUrl: proxy.url },
    port: 0,
    log: () => {},
  });
  deferTeardown(() => gateway.stop());
});

const BAD_ADDRESS = `{ account(address: "0x12345") { address } }`;
const ACCOUNT = `{ account(address: "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65") { address luma { raw } } }`;

describe("localized domain errors", () => {
  it("words an invalid address in English by default", async () => {
    const { body } = await post(BAD_ADDRESS);
    expect(body.errors?.[0]?.message).toMatch(/"0x12345" is not an address/);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "INVALID_ADDRESS",
      params: { value: "0x12345" },
    });
  });

  it("words it in Chinese for zh, zh-CN and zh-TW, with the same code and params", async () => {
    const english = (await post(BAD_ADDRESS)).body.errors?.[0];
    for (const language of ["zh", "zh-CN", "zh-TW,zh;q=0.9,en;q=0.8"]) {
      const error = (await post(BAD_ADDRESS, { "accept-language": language })).body.errors?.[0];
      expect(error?.message, language).toContain("不是有效地址");
      expect(error?.extensions).toEqual(english?.extensions);
    }
  });

  it("stays English when English is preferred over Chinese", async () => {
    const { body } = await post(BAD_ADDRESS, { "accept-language": "en-US,en;q=0.9,zh;q=0.8" });
    expect(body.errors?.[0]?.message).toMatch(/is not an address/);
  });

  it("words refusals made before execution too: a query too deep, in Chinese", async () => {
    const { body } = await post(`{ ${"protocol { ".repeat(20)}chainId${" }".repeat(20)} }`, {
      "accept-language": "zh-CN",
    });
    expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_DEEP");
    expect(body.errors?.[0]?.message).toContain("查询嵌套超过 10 层");
  });
});

describe("masked errors", () => {
  it("error: the chain going away mid-request gives CHAIN_UNAVAILABLE, and the gateway serves again once it is back", async () => {
    expect((await post(ACCOUNT)).body.errors).toBeUndefined();
    proxy.stall();
    const inFlight = post(ACCOUNT);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await proxy.cut();
    const { body } = await inFlight;
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "CHAIN_UNAVAILABLE", retryable: true });
    expect(body.errors?.[0]?.message).toMatch(/try again shortly/);
    expect(body.errors?.[0]?.message).not.toMatch(/127\.0\.0\.1|fetch|HTTP/);
    // While it is away: the same clear error (in Chinese when asked), and the process keeps answering.
    const zh = await post(ACCOUNT, { "accept-language": "zh" });
    expect(zh.body.errors?.[0]?.extensions?.code).toBe("CHAIN_UNAVAILABLE");
    expect(zh.body.errors?.[0]?.message).toContain("稍后重试");
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    expect((await post("{ __typename }")).body.data).toEqual({ __typename: "Query" });
    await proxy.restore();
    const deadline = Date.now() + 15_000;
    let answer = await post(ACCOUNT);
    while (answer.body.errors && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      answer = await post(ACCOUNT);
    }
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.account.luma.raw).toMatch(/^\d+$/);
  });
});
