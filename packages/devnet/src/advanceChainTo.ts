import type { DevnetClient } from "./createDevnetClient.ts";

/**
 * Mines a block at `timestamp` (or one second after the latest block, if that is later). Absolute,
 * not `evm_increaseTime`: anvil keeps a relative time offset across snapshot reverts.
 */
export async function advanceChainTo(client: DevnetClient, timestamp: bigint): Promise<bigint> {
  const latest = (await client.getBlock()).timestamp;
  const next = timestamp > latest ? timestamp : latest + 1n;
  await client.setNextBlockTimestamp({ timestamp: next });
  await client.mine({ blocks: 1 });
  return next;
}

/** Mines a block `seconds` after the latest one. */
export async function advanceChainBy(client: DevnetClient, seconds: bigint): Promise<bigint> {
  const latest = (await client.getBlock()).timestamp;
  return advanceChainTo(client, latest + seconds);
}
