import type { WalletLink } from "@luma-pulse/db";
import { type Address, getAddress } from "viem";
import { type ChatPlatform, isChatPlatform } from "./ChatPlatform.ts";

/** A link as the API returns it: the address checksummed (stored lowercase). */
export type WalletLinkView = {
  platform: ChatPlatform;
  userId: string;
  address: Address;
  chainId: number;
  linkedAt: Date;
  revokedAt: Date | null;
};

export function walletLinkView(row: WalletLink): WalletLinkView {
  if (!isChatPlatform(row.platform)) throw new Error(`wallet link ${row.id} has platform "${row.platform}"`);
  return {
    platform: row.platform,
    userId: row.userId,
    address: getAddress(row.address),
    chainId: row.chainId,
    linkedAt: row.linkedAt,
    revokedAt: row.revokedAt,
  };
}
