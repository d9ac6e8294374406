import {
  advanceChainBy,
  confirm,
  createDevnetClient,
  type DevnetClient,
  deployProtocol,
  provideGenesisLiquidity,
  startAnvil,
} from "@luma-pulse/devnet";
import { defaultProtocolParameters, type ProtocolParameters } from "@luma-pulse/protocol";
import { mintableTokenAbi } from "@luma-pulse/protocol/abis";
import {
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  erc20Abi,
  type Hash,
  parseUnits,
} from "viem";
import { expect } from "vitest";
import { deferTeardown } from "../../test/helpers/deferTeardown.ts";

export type ProtocolFixture = Awaited<ReturnType<typeof setupProtocol>>;

/**
 * A fresh anvil with the protocol deployed and launch liquidity in place. `deployer` owns
 * everything and is the devnet faucet; `alice` and `bob` are members. Each test file gets its own
 * chain; `snapshot()`/`revert()` isolate tests within a file.
 */
export async function setupProtocol(parameters: ProtocolParameters = defaultProtocolParameters) {
  const anvil = await startAnvil({ accounts: 5 });
  deferTeardown(() => anvil.stop());
  const probe = createDevnetClient({
    rpcUrl: anvil.rpcUrl,
    chainId: anvil.chainId,
    account: "0x0000000000000000000000000000000000000001",
  });
  const [deployerAddress, aliceAddress, bobAddress] = await probe.getAddresses();
  const clientFor = (account: Address | undefined) => {
    if (!account) throw new Error("anvil returned too few accounts");
    return createDevnetClient({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId, account });
  };
  const deployer = clientFor(deployerAddress);
  const alice = clientFor(aliceAddress);
  const bob = clientFor(bobAddress);
  const addresses = await deployProtocol(deployer, parameters);
  await provideGenesisLiquidity(deployer, addresses);

  /** Mints `amount` of a devnet token to `to` and lets `spender` take it. */
  async function fund(token: Address, to: DevnetClient, amount: bigint, spender?: Address) {
    await confirm(
      deployer,
      await deployer.writeContract({
        address: token,
        abi: mintableTokenAbi,
        functionName: "mint",
        args: [to.account.address, amount],
      }),
    );
    if (spender) {
      await confirm(
        to,
        await to.writeContract({
          address: token,
          abi: erc20Abi,
          functionName: "approve",
          args: [spender, amount],
        }),
      );
    }
  }

  /** Mines a block `seconds` after the latest one. */
  const warp = (seconds: bigint) => advanceChainBy(deployer, seconds);

  async function now(): Promise<bigint> {
    return (await deployer.getBlock()).timestamp;
  }

  let snapshotId: Hash | undefined;
  return {
    anvil,
    addresses,
    parameters,
    deployer,
    alice,
    bob,
    fund,
    warp,
    now,
    snapshot: async () => {
      snapshotId = await deployer.snapshot();
    },
    revert: async () => {
      if (snapshotId) await deployer.revert({ id: snapshotId });
    },
  };
}

/** Sends a write and returns its receipt (anvil mines it at once). */
export async function send(client: DevnetClient, hash: Promise<Hash>) {
  return confirm(client, await hash);
}

/** Asserts that `action` reverts with the custom error `errorName` (and optional args). */
export async function expectRevert(action: Promise<unknown>, errorName: string, args?: readonly unknown[]) {
  const error = await action.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a revert with ${errorName}`).toBeInstanceOf(BaseError);
  const revert = (error as BaseError).walk((e) => e instanceof ContractFunctionRevertedError);
  expect(revert, `expected a decoded revert, got: ${String(error)}`).toBeInstanceOf(
    ContractFunctionRevertedError,
  );
  const data = (revert as ContractFunctionRevertedError).data;
  expect(data?.errorName).toBe(errorName);
  if (args) expect(data?.args).toEqual(args);
}

/** A whole or decimal literal in 18-decimal base units: e18(0.2), e18(1_000). */
export const e18 = (value: number | string) => parseUnits(String(value), 18);
