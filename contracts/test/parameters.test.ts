import { describeContractError } from "@luma-pulse/protocol";
import { feeBuybackAbi, optionStakingAbi, rebaseStakingAbi } from "@luma-pulse/protocol/abis";
import { parseEventLogs, stringToHex } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { e18, expectRevert, type ProtocolFixture, send, setupProtocol } from "./setupProtocol.ts";

const DAY = 86_400n;

let f: ProtocolFixture;

type Case = {
  contract: "optionStaking" | "rebaseStaking" | "feeBuyback";
  setter: string;
  name: string;
  valid: bigint;
  tooLow?: bigint;
  tooHigh: bigint;
};

/** Every owner setter with a value inside its bounds and one on each side of them. */
const cases: Case[] = [
  {
    contract: "optionStaking",
    setter: "setDailyRateBps",
    name: "dailyRateBps",
    valid: 60n,
    tooLow: 0n,
    tooHigh: 501n,
  },
  {
    contract: "optionStaking",
    setter: "setCapBps",
    name: "capBps",
    valid: 25_000n,
    tooLow: 9_999n,
    tooHigh: 50_001n,
  },
  {
    contract: "optionStaking",
    setter: "setReleasePeriod",
    name: "releasePeriod",
    valid: 45n * DAY,
    tooLow: DAY - 1n,
    tooHigh: 365n * DAY + 1n,
  },
  {
    contract: "optionStaking",
    setter: "setEarlyFeeBps",
    name: "earlyFeeBps",
    valid: 4_000n,
    tooHigh: 9_001n,
  },
  {
    contract: "optionStaking",
    setter: "setSoraQuotaBps",
    name: "soraQuotaBps",
    valid: 200n,
    tooHigh: 10_001n,
  },
  {
    contract: "rebaseStaking",
    setter: "setEpochLength",
    name: "epochLength",
    valid: 4n * 3_600n,
    tooLow: 3_599n,
    tooHigh: 7n * DAY + 1n,
  },
  { contract: "rebaseStaking", setter: "setRebaseRateBps", name: "rebaseRateBps", valid: 10n, tooHigh: 101n },
  { contract: "rebaseStaking", setter: "setClaimFeeBps", name: "claimFeeBps", valid: 100n, tooHigh: 1_001n },
  {
    contract: "feeBuyback",
    setter: "setBuybackShareBps",
    name: "buybackShareBps",
    valid: 7_000n,
    tooHigh: 10_001n,
  },
  {
    contract: "feeBuyback",
    setter: "setBuybackThreshold",
    name: "buybackThreshold",
    valid: e18(500),
    tooLow: e18(1) - 1n,
    tooHigh: e18(10_000_000) + 1n,
  },
];

const abis = { optionStaking: optionStakingAbi, rebaseStaking: rebaseStakingAbi, feeBuyback: feeBuybackAbi };

/** Simulates first, as a wallet does, so a revert surfaces with its decoded error. */
async function write(client: ProtocolFixture["deployer"], c: Case, value: bigint) {
  // The setters share one shape (uint256 → void); the table is checked against the ABI at run time.
  const request = {
    address: f.addresses[c.contract],
    abi: abis[c.contract],
    functionName: c.setter as never,
    args: [value] as never,
  };
  await client.simulateContract(request);
  return client.writeContract(request);
}

describe("parameter setters", () => {
  beforeAll(async () => {
    f = await setupProtocol();
  });

  describe("describeContractError", () => {
    it("turns an out-of-range setter call into one line naming the parameter and its bounds", async () => {
      const error = await f.deployer
        .simulateContract({
          address: f.addresses.optionStaking,
          abi: optionStakingAbi,
          functionName: "setDailyRateBps",
          args: [501n],
        })
        .catch((e: unknown) => e);
      expect(describeContractError(error)).toEqual({
        code: "ParameterOutOfRange",
        args: expect.any(Array),
        message: "dailyRateBps must be between 1 and 500; got 501.",
      });
    });

    it("says nothing about errors that are not contract reverts", () => {
      expect(describeContractError(new Error("socket hang up"))).toBeUndefined();
    });
  });

  for (const c of cases) {
    describe(`${c.contract}.${c.setter}`, () => {
      it("accepts a value inside its bounds and announces the change", async () => {
        const receipt = await send(f.deployer, write(f.deployer, c, c.valid));
        const [changed] = parseEventLogs({
          abi: abis[c.contract],
          logs: receipt.logs,
          eventName: "ParameterChanged",
        });
        expect(changed?.args).toMatchObject({ name: stringToHex(c.name, { size: 32 }), newValue: c.valid });
        const current = await f.deployer.readContract({
          address: f.addresses[c.contract],
          abi: abis[c.contract],
          functionName: c.name as never,
        });
        expect(current).toBe(c.valid);
      });

      it("error: rejects a value above its maximum", async () => {
        await expectRevert(write(f.deployer, c, c.tooHigh), "ParameterOutOfRange");
      });

      if (c.tooLow !== undefined) {
        const tooLow = c.tooLow;
        it("error: rejects a value below its minimum", async () => {
          await expectRevert(write(f.deployer, c, tooLow), "ParameterOutOfRange");
        });
      }

      it("error: rejects a caller who is not the owner", async () => {
        await expectRevert(write(f.alice, c, c.valid), "OwnableUnauthorizedAccount", [
          f.alice.account.address,
        ]);
      });
    });
  }
});
