import { advanceChainBy } from "@luma-pulse/devnet";
import { formatAmount, getAmountOut } from "@luma-pulse/protocol";
import { optionStakingAbi, soraLumaPoolAbi } from "@luma-pulse/protocol/abis";
import { type Address, parseUnits } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunningGateway } from "../src/startGateway.ts";
import { requestPlan } from "./planApi.ts";
import { mintTo, sendAs } from "./planFunding.ts";
import { setupChain } from "./setupChain.ts";
import { setupDatabase } from "./setupDatabase.ts";
import { startReadyGateway } from "./startReadyGateway.ts";

const DAY = 86_400n;
const e18 = (value: string) => parseUnits(value, 18);

type Case = {
  name: string;
  /** The mutation and its arguments, once the chain is set up. */
  request: () => [mutation: string, args: Record<string, string>];
  code: string;
  en: () => string;
  zh: () => string;
};

describe("transaction plans: bad input", () => {
  let chain: Awaited<ReturnType<typeof setupChain>>;
  let gateway: RunningGateway;
  let database: Awaited<ReturnType<typeof setupDatabase>>;
  let alice: Address;
  let bob: Address;
  let keeper: Address;
  let quotaExceeded: { requested: string; quota: string };

  beforeAll(async () => {
    chain = await setupChain();
    const c = chain.manifest.contracts;
    ({ alice, bob, keeper } = chain.members);
    const setTerms = async (dailyRateBps: bigint, capBps: bigint, releasePeriod: bigint) => {
      for (const [functionName, value] of [
        ["setDailyRateBps", dailyRateBps],
        ["setCapBps", capBps],
        ["setReleasePeriod", releasePeriod],
      ] as const) {
        await sendAs(chain, chain.deployer.account.address, {
          address: c.optionStaking,
          abi: optionStakingAbi,
          functionName,
          args: [value],
        });
      }
    };
    // Position 0 (keeper's): 5%/day up to 1× then a 1-day release, so after 22 days all of it is released.
    await setTerms(500n, 10_000n, DAY);
    await chain.actors.optionStake(keeper, e18("10"));
    await setTerms(50n, 20_000n, 30n * DAY);
    await advanceChainBy(chain.deployer, 22n * DAY);
    // Position 1 (alice's) grants her 5 SORA of quota; position 2 (bob's) is so small that nothing
    // of it is released for minutes.
    await chain.actors.optionStake(alice, e18("1000"));
    await chain.actors.optionStake(bob, 1_000_000_000n);
    await mintTo(chain, c.luma, alice, e18("10"));
    await mintTo(chain, c.pop, alice, e18("1"));
    const [soraReserve, lumaReserve] = await chain.actors.read.reserves(c.soraLumaPool);
    const quota = await chain.client.readContract({
      address: c.soraLumaPool,
      abi: soraLumaPoolAbi,
      functionName: "quotaOf",
      args: [alice],
    });
    quotaExceeded = {
      requested: formatAmount(getAmountOut(e18("10"), lumaReserve, soraReserve), 18),
      quota: formatAmount(quota, 18),
    };
    database = await setupDatabase();
    gateway = await startReadyGateway(chain, { database });
  });

  const amountCase = (value: string, code: string, en: string, zh: string): Case => ({
    name: `planStakeLuma amount "${value}"`,
    request: () => ["planStakeLuma", { account: alice, amount: value }],
    code,
    en: () => en,
    zh: () => zh,
  });

  const cases: Case[] = [
    amountCase(
      "abc",
      "INVALID_AMOUNT",
      '"abc" is not an amount. Use digits with a dot for decimals (100, 0.5, 1,000.25) or "max".',
      '"abc" 不是有效数量。请使用数字，小数用点号（100、0.5、1,000.25），或 "max"（全部）。',
    ),
    amountCase(
      "-1",
      "INVALID_AMOUNT",
      'The amount must be positive; got "-1".',
      '数量必须为正数，收到 "-1"。',
    ),
    amountCase(
      "1e400",
      "INVALID_AMOUNT",
      'Write the amount out in full digits: "1e400" uses scientific notation.',
      '请完整写出数字："1e400" 使用了科学计数法。',
    ),
    amountCase(
      "1e18",
      "INVALID_AMOUNT",
      'Write the amount out in full digits: "1e18" uses scientific notation.',
      '请完整写出数字："1e18" 使用了科学计数法。',
    ),
    amountCase(
      "0.0000000000000000001",
      "INVALID_AMOUNT",
      'LUMA has at most 18 decimal places; "0.0000000000000000001" has more.',
      'LUMA 最多有 18 位小数，"0.0000000000000000001" 超出了。',
    ),
    amountCase("0", "INVALID_AMOUNT", "The amount must be greater than zero.", "数量必须大于零。"),
    amountCase(
      "10.5",
      "INSUFFICIENT_BALANCE",
      "Not enough LUMA: this needs 10.5 LUMA but the account has 10.",
      "LUMA 余额不足：此操作需要 10.5 LUMA，账户只有 10。",
    ),
    {
      name: "planUnstakeLuma max without sLUMA",
      request: () => ["planUnstakeLuma", { account: alice, amount: "max" }],
      code: "NO_BALANCE",
      en: () => `${alice} holds no sLUMA.`,
      zh: () => `${alice} 没有 sLUMA。`,
    },
    {
      name: "planSellSora without SORA",
      request: () => ["planSellSora", { account: alice, amount: "1" }],
      code: "NO_BALANCE",
      en: () => `${alice} holds no SORA.`,
      zh: () => `${alice} 没有 SORA。`,
    },
    {
      name: "planBuySora beyond the quota",
      request: () => ["planBuySora", { account: alice, amount: "10" }],
      code: "QUOTA_EXCEEDED",
      en: () =>
        `This buy would get ${quotaExceeded.requested} SORA but the account's SORA quota is ${quotaExceeded.quota}. Buy less, or "max" for the whole quota.`,
      zh: () =>
        `此次购买将得到 ${quotaExceeded.requested} SORA，但账户的 SORA 额度只有 ${quotaExceeded.quota}。请减少数量，或用 "max" 买满额度。`,
    },
    {
      name: "planBuySora without any quota",
      request: () => ["planBuySora", { account: chain.deployer.account.address, amount: "max" }],
      code: "NO_SORA_QUOTA",
      en: () =>
        `${chain.deployer.account.address} has no SORA quota. SORA can only be bought with quota, which staking POP in option staking grants.`,
      zh: () =>
        `${chain.deployer.account.address} 没有 SORA 购买额度。SORA 只能凭额度购买，额度来自期权质押 POP。`,
    },
    {
      name: "planStakePop of so little POP that it is worth nothing",
      request: () => ["planStakePop", { account: alice, amount: "0.000000000000000001" }],
      code: "AMOUNT_TOO_SMALL",
      en: () => "0.000000000000000001 POP is too small: it would give nothing in return.",
      zh: () => "0.000000000000000001 POP 太少：不会换得任何东西。",
    },
    {
      name: "an account that is not an address",
      request: () => ["planStakePop", { account: "0x123", amount: "1" }],
      code: "INVALID_ADDRESS",
      en: () => '"0x123" is not an address (0x followed by 40 hex digits).',
      zh: () => '"0x123" 不是有效地址（应为 0x 加 40 位十六进制字符）。',
    },
    {
      name: "a position that does not exist",
      request: () => ["planClaimReleased", { account: alice, positionId: "99" }],
      code: "UNKNOWN_POSITION",
      en: () => "There is no option position 99; positions are numbered from 0.",
      zh: () => "不存在编号为 99 的期权质押仓位；仓位从 0 开始编号。",
    },
    {
      name: "a negative position id",
      request: () => ["planReleaseEarly", { account: alice, positionId: "-1" }],
      code: "UNKNOWN_POSITION",
      en: () => "There is no option position -1; positions are numbered from 0.",
      zh: () => "不存在编号为 -1 的期权质押仓位；仓位从 0 开始编号。",
    },
    {
      name: "a position that is not the account's",
      request: () => ["planReleaseEarly", { account: alice, positionId: "0" }],
      code: "POSITION_NOT_OWNED",
      en: () => `Option position 0 is not held by ${alice}.`,
      zh: () => `期权质押仓位 0 不属于 ${alice}。`,
    },
    {
      name: "claiming when nothing is released yet",
      request: () => ["planClaimReleased", { account: bob, positionId: "2" }],
      code: "NOTHING_TO_CLAIM",
      en: () => "Position 2 has no released LUMA to claim yet: rewards release linearly, try again later.",
      zh: () => "仓位 2 暂无已释放的 LUMA 可领取：奖励线性释放，请稍后再试。",
    },
    {
      name: "releasing early when nothing is still releasing",
      request: () => ["planReleaseEarly", { account: keeper, positionId: "0" }],
      code: "NOTHING_LOCKED",
      en: () => "Position 0 has nothing still releasing, so there is nothing to release early.",
      zh: () => "仓位 0 没有仍在释放中的奖励，无需提前释放。",
    },
  ];

  it.each(cases)("error: $name → $code, in English and Chinese, and no intent", async (c) => {
    const [mutation, args] = c.request();
    const en = await requestPlan(gateway.url, mutation, args);
    const zh = await requestPlan(gateway.url, mutation, args, { "accept-language": "zh-CN,zh;q=0.9" });
    for (const [{ body }, message] of [
      [en, c.en()],
      [zh, c.zh()],
    ] as const) {
      expect(body.data?.[mutation] ?? null).toBeNull();
      expect(body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
        [c.code, message],
      ]);
    }
    expect(await database.prisma.signingIntent.count()).toBe(0);
  });

  it("makes an intent once the input is good (the setup can plan at all)", async () => {
    const { intent } = await requestPlan(gateway.url, "planStakeLuma", { account: alice, amount: "10" });
    expect(intent?.amount).toEqual({ raw: e18("10").toString(), symbol: "LUMA" });
    expect(await database.prisma.signingIntent.count()).toBe(1);
  });
});
