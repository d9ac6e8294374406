import { getAddress } from "viem";

/** The EIP-55 checksummed form of an address (the case carries a checksum a wallet shows too). */
export const checksummed = (address: string): string => getAddress(address);

/** "0xAbC1…7890": the start and end of the checksummed address, for short mentions. */
export function shortAddress(address: string): string {
  const full = checksummed(address);
  return `${full.slice(0, 6)}…${full.slice(-4)}`;
}
