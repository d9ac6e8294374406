/**
 * SORA's price from pool reserves, exact in bigint. `lumaPerSora` is 18-decimal fixed point (LUMA
 * per whole SORA); `usdPerSora` is in USDT base units (6 decimals) per whole SORA, routed
 * SORA → LUMA → USDT. Both pools hold 18-decimal SORA and LUMA; USDT has 6.
 */
export function soraPrice(
  soraLumaReserves: readonly [sora: bigint, luma: bigint],
  lumaUsdtReserves: readonly [luma: bigint, usdt: bigint],
): { lumaPerSora: bigint; usdPerSora: bigint } {
  const [sora, lumaInSoraPool] = soraLumaReserves;
  const [luma, usdt] = lumaUsdtReserves;
  if (sora === 0n || luma === 0n) return { lumaPerSora: 0n, usdPerSora: 0n };
  const ONE = 10n ** 18n;
  return {
    lumaPerSora: (lumaInSoraPool * ONE) / sora,
    usdPerSora: (lumaInSoraPool * usdt * ONE) / (sora * luma),
  };
}
