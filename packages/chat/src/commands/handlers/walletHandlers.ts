import { getAccount } from "../../gateway/operations/getAccount.ts";
import {
  createWalletLinkChallenge,
  listWalletLinks,
  unlinkWallet,
} from "../../gateway/operations/walletLinks.ts";
import { textsFor } from "../../i18n/texts/textsFor.ts";
import { positionView } from "../../views/positionView.ts";
import { linkView, notLinkedView, unlinkView, walletListView } from "../../views/walletViews.ts";
import { type Handler, viewReply } from "./Handler.ts";
import { linkedWallet } from "./linkedWallet.ts";

/** /position [address]: the address given, or the user's linked wallet. */
export const position: Handler<"position"> = async (ctx, args) => {
  const address = args.address ?? (await linkedWallet(ctx))?.address;
  if (!address) return viewReply(notLinkedView(ctx.locale));
  const account = await getAccount(ctx.gateway, { locale: ctx.locale, address, signal: ctx.signal });
  return viewReply(positionView(ctx.locale, account));
};

/** /link: a fresh SIWE challenge page. */
export const link: Handler<"link"> = async (ctx) => {
  const challenge = await createWalletLinkChallenge(ctx.gateway, {
    locale: ctx.locale,
    user: ctx.user,
    signal: ctx.signal,
  });
  return viewReply(linkView(ctx.locale, challenge, ctx.now));
};

/** /unlink [address]: the address given; without one, the only linked wallet, or the list to choose from. */
export const unlink: Handler<"unlink"> = async (ctx, args) => {
  const links = await listWalletLinks(ctx.gateway, {
    locale: ctx.locale,
    user: ctx.user,
    signal: ctx.signal,
  });
  const wanted = args.address?.toLowerCase();
  const target = wanted
    ? links.find((l) => l.address.toLowerCase() === wanted)
    : links.length === 1
      ? links[0]
      : undefined;
  if (wanted && !target) return viewReply(unlinkView(ctx.locale, args.address ?? "", false));
  if (!target) {
    const note = links.length > 1 ? textsFor(ctx.locale).wallet.unlinkWhich : undefined;
    return viewReply(walletListView(ctx.locale, links, note));
  }
  const unlinked = await unlinkWallet(ctx.gateway, {
    locale: ctx.locale,
    user: ctx.user,
    address: target.address,
    signal: ctx.signal,
  });
  return viewReply(unlinkView(ctx.locale, unlinked.address, true));
};
