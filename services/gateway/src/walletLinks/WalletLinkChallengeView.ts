import type { WalletLinkChallenge } from "@luma-pulse/db";
import { isChatPlatform } from "./ChatPlatform.ts";
import { linkStatement } from "./linkStatement.ts";
import { siweOrigin } from "./siweOrigin.ts";

/** A challenge as the API returns it: everything the page needs to build the message to sign. */
export type WalletLinkChallengeView = {
  id: string;
  /** `<publicUrl>/link/<id>`: the page the bot sends. */
  url: string;
  domain: string;
  uri: string;
  nonce: string;
  chainId: number;
  statement: string;
  issuedAt: Date;
  expiresAt: Date;
  used: boolean;
};

/** The API's view of a stored challenge, for the gateway at `publicUrl` on chain `chainId`. */
export function walletLinkChallengeView(
  row: WalletLinkChallenge,
  { publicUrl, chainId }: { publicUrl: string; chainId: number },
): WalletLinkChallengeView {
  if (!isChatPlatform(row.platform)) throw new Error(`challenge ${row.id} has platform "${row.platform}"`);
  const { domain, uri } = siweOrigin(publicUrl);
  return {
    id: row.id,
    url: `${publicUrl}/link/${row.id}`,
    domain,
    uri,
    nonce: row.nonce,
    chainId,
    statement: linkStatement(row.platform, row.userId),
    issuedAt: row.createdAt,
    expiresAt: row.expiresAt,
    used: row.usedAt !== null,
  };
}
