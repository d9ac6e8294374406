import {
  constantProductPoolAbi,
  feeBuybackAbi,
  mintableTokenAbi,
  optionStakingAbi,
  rebaseStakingAbi,
  soraAbi,
  soraLumaPoolAbi,
} from "@luma-pulse/protocol/abis";
import { type Address, erc20Abi, maxUint256, parseEventLogs } from "viem";
import type { DevnetClient } from "../createDevnetClient.ts";
import type { ProtocolAddresses } from "../deploy/deployProtocol.ts";
import type { Random } from "./createRandom.ts";
import { createTxSender } from "./createTxSender.ts";
import { ignoreReverts } from "./TxRevertedError.ts";

/**
 * What members of the protocol do, as one call each: the seed and the activity simulator are
 * scripts over these. `deployer` is the devnet faucet (mints POP, USDT and LUMA). Approvals are
 * given once per wallet, token and spender.
 */
export function createDevnetActors(deployer: DevnetClient, a: ProtocolAddresses) {
  const tx = createTxSender(deployer);
  const faucet = deployer.account.address;
  const approved = new Set<string>();

  const mint = (token: Address, to: Address, amount: bigint) =>
    tx.write({
      from: faucet,
      address: token,
      abi: mintableTokenAbi,
      functionName: "mint",
      args: [to, amount],
    });

  async function approveOnce(wallet: Address, token: Address, spender: Address) {
    const key = `${wallet}:${token}:${spender}`;
    if (approved.has(key)) return;
    await tx.write({
      from: wallet,
      address: token,
      abi: erc20Abi,
      functionName: "approve",
      args: [spender, maxUint256],
    });
    approved.add(key);
  }

  const read = {
    soraBurned: () => deployer.readContract({ address: a.sora, abi: soraAbi, functionName: "totalBurned" }),
    pendingBuyback: () =>
      deployer.readContract({ address: a.feeBuyback, abi: feeBuybackAbi, functionName: "pendingBuyback" }),
    buybackThreshold: () =>
      deployer.readContract({ address: a.feeBuyback, abi: feeBuybackAbi, functionName: "buybackThreshold" }),
    reserves: (pool: Address) =>
      deployer.readContract({ address: pool, abi: constantProductPoolAbi, functionName: "getReserves" }),
    amountOut: (pool: Address, tokenIn: Address, amountIn: bigint) =>
      deployer.readContract({
        address: pool,
        abi: constantProductPoolAbi,
        functionName: "getAmountOut",
        args: [tokenIn, amountIn],
      }),
    balance: (token: Address, account: Address) =>
      deployer.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [account] }),
    quota: (account: Address) =>
      deployer.readContract({
        address: a.soraLumaPool,
        abi: soraLumaPoolAbi,
        functionName: "quotaOf",
        args: [account],
      }),
    sLuma: (account: Address) =>
      deployer.readContract({
        address: a.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "balanceOf",
        args: [account],
      }),
    nextRebaseTime: () =>
      deployer.readContract({
        address: a.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "nextRebaseTime",
      }),
  };

  return {
    addresses: a,
    client: deployer,
    read,
    sentCount: tx.sentCount,
    /** The latest block's timestamp: chain time, which the devnet moves faster than the clock. */
    now: async () => (await deployer.getBlock()).timestamp,
    async optionStake(wallet: Address, popAmount: bigint): Promise<bigint> {
      await mint(a.pop, wallet, popAmount);
      await approveOnce(wallet, a.pop, a.optionStaking);
      const { logs } = await tx.write({
        from: wallet,
        address: a.optionStaking,
        abi: optionStakingAbi,
        functionName: "stake",
        args: [popAmount, 0n],
      });
      const [staked] = parseEventLogs({ abi: optionStakingAbi, logs, eventName: "Staked" });
      if (!staked) throw new Error("stake mined without a Staked event");
      return staked.args.positionId;
    },
    claim: (wallet: Address, positionId: bigint) =>
      tx.write({
        from: wallet,
        address: a.optionStaking,
        abi: optionStakingAbi,
        functionName: "claim",
        args: [positionId],
      }),
    releaseEarly: (wallet: Address, positionId: bigint) =>
      tx.write({
        from: wallet,
        address: a.optionStaking,
        abi: optionStakingAbi,
        functionName: "releaseEarly",
        args: [positionId, maxUint256],
      }),
    /** Buys LUMA with (fauceted) USDT on the market, then stakes all of it for sLUMA. */
    async rebaseStake(wallet: Address, usdtAmount: bigint) {
      await mint(a.usdt, wallet, usdtAmount);
      await approveOnce(wallet, a.usdt, a.lumaUsdtPool);
      const before = await read.balance(a.luma, wallet);
      await tx.write({
        from: wallet,
        address: a.lumaUsdtPool,
        abi: constantProductPoolAbi,
        functionName: "swapExactIn",
        args: [a.usdt, usdtAmount, 0n, wallet],
      });
      const bought = (await read.balance(a.luma, wallet)) - before;
      await approveOnce(wallet, a.luma, a.rebaseStaking);
      await tx.write({
        from: wallet,
        address: a.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "stake",
        args: [bought],
      });
    },
    unstake: (wallet: Address, amount: bigint) =>
      tx.write({
        from: wallet,
        address: a.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "unstake",
        args: [amount],
      }),
    /** Applies the epochs that have ended, if any (a stake or unstake may have applied them already). */
    async rebaseIfDue() {
      const now = (await deployer.getBlock()).timestamp;
      if (now < (await read.nextRebaseTime())) return;
      await tx.write({
        from: faucet,
        address: a.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "rebase",
        args: [],
      });
    },
    buyback: (caller: Address) =>
      tx.write({
        from: caller,
        address: a.feeBuyback,
        abi: feeBuybackAbi,
        functionName: "buyback",
        args: [0n],
      }),
    async buySora(wallet: Address, lumaIn: bigint) {
      await approveOnce(wallet, a.luma, a.soraLumaPool);
      return tx.write({
        from: wallet,
        address: a.soraLumaPool,
        abi: soraLumaPoolAbi,
        functionName: "swapExactIn",
        args: [a.luma, lumaIn, 0n, wallet],
      });
    },
    /**
     * Spends some of a member's LUMA on SORA within their quota (a share of it picked at random);
     * does nothing without quota or LUMA.
     */
    async buySoraWithQuota(member: Address, random: Random, maxShareOfLuma = 1n) {
      const [quota, luma] = await Promise.all([read.quota(member), read.balance(a.luma, member)]);
      if (quota === 0n || luma === 0n) return;
      const [soraReserve, lumaReserve] = await read.reserves(a.soraLumaPool);
      // LUMA for that share of the quota at the spot price, less 1% for the fee and price impact.
      const share = BigInt(random.int(10, 90));
      const cost = (((quota * share) / 100n) * lumaReserve * 99n) / (soraReserve * 100n);
      const budget = luma / maxShareOfLuma;
      const spend = cost < budget ? cost : budget;
      if (spend === 0n) return;
      await approveOnce(member, a.luma, a.soraLumaPool);
      await tx
        .write({
          from: member,
          address: a.soraLumaPool,
          abi: soraLumaPoolAbi,
          functionName: "swapExactIn",
          args: [a.luma, spend, 0n, member],
        })
        .catch(ignoreReverts("InsufficientQuota", "InsufficientOutput"));
    },
    async sellSora(wallet: Address, soraAmount: bigint) {
      await approveOnce(wallet, a.sora, a.soraLumaPool);
      return tx.write({
        from: wallet,
        address: a.soraLumaPool,
        abi: soraLumaPoolAbi,
        functionName: "swapExactIn",
        args: [a.sora, soraAmount, 0n, wallet],
      });
    },
    /** A market trade on LUMA/USDT: `tokenIn` is LUMA or USDT, fauceted to the trader first. */
    async tradeLumaUsdt(wallet: Address, tokenIn: Address, amountIn: bigint) {
      await mint(tokenIn, wallet, amountIn);
      await approveOnce(wallet, tokenIn, a.lumaUsdtPool);
      return tx.write({
        from: wallet,
        address: a.lumaUsdtPool,
        abi: constantProductPoolAbi,
        functionName: "swapExactIn",
        args: [tokenIn, amountIn, 0n, wallet],
      });
    },
  };
}

export type DevnetActors = ReturnType<typeof createDevnetActors>;
