import { listWalletLinks, type WalletLink } from "../../gateway/operations/walletLinks.ts";
import type { CommandContext } from "../CommandContext.ts";

/**
 * The wallet a user acts with: their most recently linked one (a user may link several; the latest
 * is the one they just proved). Undefined when none is linked.
 */
export async function linkedWallet(ctx: CommandContext): Promise<WalletLink | undefined> {
  const links = await listWalletLinks(ctx.gateway, {
    locale: ctx.locale,
    user: ctx.user,
    signal: ctx.signal,
  });
  return links.reduce<WalletLink | undefined>(
    (latest, link) => (!latest || link.linkedAt >= latest.linkedAt ? link : latest),
    undefined,
  );
}
