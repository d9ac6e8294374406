import { type Account, getAccount, type OptionPosition } from "../../gateway/operations/getAccount.ts";
import { type PlanRequest, planAction } from "../../gateway/operations/planAction.ts";
import type { SigningIntent } from "../../gateway/operations/signingIntent.ts";
import { textsFor } from "../../i18n/texts/textsFor.ts";
import type { ChatView } from "../../views/ChatView.ts";
import { errorView } from "../../views/errorView.ts";
import { intentView } from "../../views/intentView.ts";
import { releaseView } from "../../views/releaseView.ts";
import { notLinkedView } from "../../views/walletViews.ts";
import type { CommandContext, CommandReply } from "../CommandContext.ts";
import type { AmountArg } from "../parseArgument.ts";
import { type Handler, viewReply } from "./Handler.ts";
import { linkedWallet } from "./linkedWallet.ts";

/** What the plan mutations take as the amount: whole tokens, or "max". */
const amountInput = (amount: AmountArg) => (amount.kind === "max" ? "max" : amount.text);

/**
 * Plans `request` for the user's linked wallet and answers with the plan (or says to /link first).
 * `view` turns the stored intent into the message; the bot then follows the intent to edit it.
 */
async function planForLinkedWallet(
  ctx: CommandContext,
  request: PlanRequest | ((account: string) => Promise<PlanRequest | ChatView>),
  view: (intent: SigningIntent) => ChatView = (intent) => intentView(ctx.locale, intent, ctx),
): Promise<CommandReply> {
  const wallet = await linkedWallet(ctx);
  if (!wallet) return viewReply(notLinkedView(ctx.locale));
  const resolved = typeof request === "function" ? await request(wallet.address) : request;
  if (!("action" in resolved)) return viewReply(resolved);
  const intent = await planAction(ctx.gateway, {
    locale: ctx.locale,
    account: wallet.address,
    request: resolved,
    signal: ctx.signal,
  });
  return { kind: "intent", view: view(intent), intentId: intent.id, expiresAt: intent.expiresAt };
}

export const stake: Handler<"stake"> = (ctx, args) =>
  planForLinkedWallet(ctx, {
    action: args.asset === "pop" ? "stakePop" : "stakeLuma",
    amount: amountInput(args.amount),
  });

export const unstake: Handler<"unstake"> = (ctx, args) =>
  planForLinkedWallet(ctx, { action: "unstakeLuma", amount: amountInput(args.amount) });

export const buySora: Handler<"buy_sora"> = (ctx, args) =>
  planForLinkedWallet(ctx, { action: "buySora", amount: amountInput(args.amount) });

export const sellSora: Handler<"sell_sora"> = (ctx, args) =>
  planForLinkedWallet(ctx, { action: "sellSora", amount: amountInput(args.amount) });

/** The position with the most of `field`, if any has some. */
function mostOf(account: Account, field: "claimable" | "locked"): OptionPosition | undefined {
  return account.optionPositions
    .filter((position) => position[field].raw > 0n)
    .reduce<OptionPosition | undefined>(
      (best, p) => (!best || p[field].raw > best[field].raw ? p : best),
      undefined,
    );
}

/** An answer for a wallet with no position to act on. */
function noPositionView(
  ctx: CommandContext,
  account: Account,
  code: "NOTHING_TO_CLAIM" | "NOTHING_LOCKED",
): ChatView {
  const first = account.optionPositions[0];
  if (!first) {
    return {
      tone: "warning",
      title: textsFor(ctx.locale).errors.title,
      text: [textsFor(ctx.locale).position.noPositions],
      sections: [],
      buttons: [],
    };
  }
  return errorView(ctx.locale, { code, params: { id: first.id.toString() }, retryable: false });
}

/** /claim [position]: the position given, or the one with the most released LUMA waiting. */
export const claim: Handler<"claim"> = (ctx, args) =>
  planForLinkedWallet(ctx, async (address) => {
    if (args.position !== undefined) return { action: "claimReleased", positionId: args.position };
    const account = await getAccount(ctx.gateway, { locale: ctx.locale, address, signal: ctx.signal });
    const best = mostOf(account, "claimable");
    return best
      ? { action: "claimReleased", positionId: best.id }
      : noPositionView(ctx, account, "NOTHING_TO_CLAIM");
  });

/**
 * /release [position]: the position given, or the one with the most still locked. The answer shows
 * the early-release fee and the break-even date before the plan and its link.
 */
export const release: Handler<"release"> = async (ctx, args) => {
  let chosen: OptionPosition | undefined;
  return planForLinkedWallet(
    ctx,
    async (address) => {
      const account = await getAccount(ctx.gateway, { locale: ctx.locale, address, signal: ctx.signal });
      chosen =
        args.position === undefined
          ? mostOf(account, "locked")
          : account.optionPositions.find((position) => position.id === args.position);
      if (chosen) return { action: "releaseEarly", positionId: chosen.id };
      if (args.position !== undefined) {
        return errorView(ctx.locale, {
          code: "POSITION_NOT_OWNED",
          params: { id: args.position.toString(), account: address },
          retryable: false,
        });
      }
      return noPositionView(ctx, account, "NOTHING_LOCKED");
    },
    (intent) => (chosen ? releaseView(ctx.locale, chosen, intent, ctx) : intentView(ctx.locale, intent, ctx)),
  );
};
