import type { Address } from "viem";
import type { DevnetActors } from "../actors/createDevnetActors.ts";

const ONE = 10n ** 18n;

function sqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let x = value;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + value / x) / 2n;
  }
  return x;
}

/** SORA's USD price in USDT base units (6 decimals), routed SORA → LUMA → USDT through pool reserves. */
export async function readSoraUsdPrice(actors: DevnetActors): Promise<bigint> {
  const a = actors.addresses;
  const [soraReserve, lumaInSoraPool] = await actors.read.reserves(a.soraLumaPool);
  const [lumaReserve, usdtReserve] = await actors.read.reserves(a.lumaUsdtPool);
  return (lumaInSoraPool * usdtReserve * ONE) / (soraReserve * lumaReserve);
}

/**
 * Moves LUMA's market price (the LUMA/USDT pool) with a market trade so that SORA's USD price
 * lands on `targetUsd` (USDT base units). Two rounds absorb the pool fee's effect.
 */
export async function calibrateSoraUsdPrice(
  actors: DevnetActors,
  trader: Address,
  targetUsd: bigint,
): Promise<bigint> {
  const a = actors.addresses;
  for (let round = 0; round < 3; round++) {
    const [soraReserve, lumaInSoraPool] = await actors.read.reserves(a.soraLumaPool);
    // USDT base units per whole LUMA that gives SORA the target price.
    const lumaTarget = (targetUsd * soraReserve) / lumaInSoraPool;
    const [lumaReserve, usdtReserve] = await actors.read.reserves(a.lumaUsdtPool);
    const k = lumaReserve * usdtReserve;
    const lumaAfter = sqrt((k * ONE) / lumaTarget);
    if (lumaAfter < lumaReserve) {
      const usdtIn = ((k / lumaAfter - usdtReserve) * 1000n) / 997n;
      if (usdtIn > 0n) await actors.tradeLumaUsdt(trader, a.usdt, usdtIn);
    } else {
      const lumaIn = ((lumaAfter - lumaReserve) * 1000n) / 997n;
      if (lumaIn > 0n) await actors.tradeLumaUsdt(trader, a.luma, lumaIn);
    }
  }
  return readSoraUsdPrice(actors);
}
