import type { SigningIntent, TokenAmount } from "../api/types.ts";
import type { CallAmount, CallTerms } from "../checks/callTerms.ts";
import { describeAction } from "../format/describeAction.ts";
import { formatDateTime } from "../format/formatTime.ts";
import { formatTokenAmount } from "../format/formatTokenAmount.ts";
import { checksummed } from "../format/shortAddress.ts";
import type { MessageKey } from "../i18n/en.ts";
import { type Locale, type Params, translate } from "../i18n/translate.ts";
import { type Child, h } from "./dom.ts";

const amounts = (list: readonly (TokenAmount | CallAmount)[]) => list.map(formatTokenAmount).join(" + ");

/**
 * What the intent will do, in words: the verification code (large: the member compares it with
 * the bot's), the action, what is spent and received, the fee and its split, quota, principal,
 * unlock date, slippage bound, chain, account and the live expiry (data-testid="expiry-countdown").
 *
 * @param terms - the action call's arguments, for an intent that passed every check: the headline,
 *   what is spent, the bound and the position come from them (what the wallet signs). Without
 *   them (a refused intent) the gateway's values are shown, under the refusal that lists how they
 *   differ. What only the simulation knows (received, fee, quota, principal) is the gateway's,
 *   checked to lie within the call's bound.
 */
export function intentDetails(
  intent: SigningIntent,
  terms: CallTerms | undefined,
  locale: Locale,
  countdown: string | undefined,
) {
  const t = (key: MessageKey, params?: Params) => translate(locale, { key, params });
  const { outcome } = intent;
  const rows: [MessageKey, Child, string?][] = [];
  const row = (label: MessageKey, value: Child, testId?: string) => rows.push([label, value, testId]);
  const spend = terms ? (terms.spend ? [terms.spend] : []) : outcome.spend;
  if (spend.length) row("label.spend", amounts(spend), "spend");
  if (outcome.receive.length) row("label.receive", amounts(outcome.receive), "receive");
  if (outcome.principal) row("label.principal", formatTokenAmount(outcome.principal), "principal");
  if (outcome.fee) {
    const { amount, toBuyback, burned } = outcome.fee;
    const split = t("fee.split", {
      buyback: formatTokenAmount(toBuyback),
      burned: formatTokenAmount(burned),
    });
    row("label.fee", h("span", {}, formatTokenAmount(amount), h("small", { class: "sub" }, split)), "fee");
  }
  if (outcome.quotaGranted) row("label.quotaGranted", formatTokenAmount(outcome.quotaGranted));
  if (outcome.quotaUsed) row("label.quotaUsed", formatTokenAmount(outcome.quotaUsed));
  // A new option position's id is the simulation's (STAKE_POP); an existing one's is the call's.
  const position = terms?.positionId?.toString() ?? outcome.positionId ?? intent.positionId;
  if (position !== null) row("label.position", `#${position}`);
  if (outcome.releasesUntil) row("label.releasesUntil", formatDateTime(outcome.releasesUntil, locale));
  const bound = terms ? terms.bound : outcome.bound;
  if (bound) {
    const label = bound.kind === "MAX_FEE" ? "label.boundMaxFee" : "label.boundMinReceived";
    const value = h(
      "span",
      {},
      formatTokenAmount(bound.amount),
      h("small", { class: "sub" }, t("bound.hint")),
    );
    row(label, value, "bound");
  }
  row("label.network", t("network.value", { name: intent.chain.name, id: intent.chain.id }), "network");
  row("label.account", h("code", { class: "address" }, checksummed(intent.account)), "account");
  if (countdown !== undefined) {
    row("label.expires", h("span", { "data-testid": "expiry-countdown", class: "countdown" }, countdown));
  }
  return [
    h(
      "section",
      { class: "code", "aria-label": t("code.label") },
      h("span", { class: "code-label" }, t("code.label")),
      h("strong", { class: "code-value", "data-testid": "verification-code" }, intent.verificationCode),
      h("span", { class: "code-hint" }, t("code.hint")),
    ),
    h(
      "h2",
      { class: "action", "data-testid": "action-summary" },
      translate(locale, describeAction(intent, terms)),
    ),
    h(
      "dl",
      { class: "details" },
      ...rows.map(([label, value, testId]) =>
        h(
          "div",
          { class: "detail", "data-testid": testId ? `detail-${testId}` : undefined },
          h("dt", {}, t(label)),
          h("dd", {}, value),
        ),
      ),
    ),
  ];
}
