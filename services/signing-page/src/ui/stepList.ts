import type { IntentStep } from "../api/types.ts";
import { checksummed } from "../format/shortAddress.ts";
import type { MessageKey } from "../i18n/en.ts";
import { type Locale, messageKey, type Params, type Text, translate } from "../i18n/translate.ts";
import { orderedSteps } from "../pages/signStatus.ts";
import { h } from "./dom.ts";

/** "todo", "sending" (the wallet's prompt is open) or the gateway's status of the step's transaction. */
const stepState = (step: IntentStep, sendingIndex: number | undefined) =>
  step.index === sendingIndex ? "sending" : (step.status ?? (step.txHash ? "PENDING" : "todo"));

/**
 * The transactions in signing order (data-testid="step", with data-step-index and data-step-status):
 * "Step 1 of 2", a one-line summary, the contract's readable name and checksummed address, the
 * exact call with its arguments (base units), and where the step stands.
 *
 * @param summaryOf - the page's own words for a step, from its arguments; the gateway's summary
 *   when it gives none (a refused intent)
 */
export function stepList(
  steps: readonly IntentStep[],
  locale: Locale,
  sendingIndex: number | undefined,
  summaryOf: (step: IntentStep) => Text | undefined,
) {
  const t = (key: MessageKey, params?: Params) => translate(locale, { key, params });
  const ordered = orderedSteps({ steps });
  return h(
    "section",
    { class: "steps" },
    h("h3", {}, t("steps.title")),
    h(
      "ol",
      {},
      ...ordered.map((step, position) => {
        const state = stepState(step, sendingIndex);
        const contractName = messageKey(`contract.${step.contract}`);
        const args = step.args.map((arg) => `${arg.name || arg.type}: ${arg.value}`).join(", ");
        return h(
          "li",
          {
            class: `step step-${state.toLowerCase()}`,
            "data-testid": "step",
            "data-step-index": step.index,
            "data-step-status": state,
          },
          h(
            "div",
            { class: "step-head" },
            h("span", { class: "step-number" }, t("step.label", { n: position + 1, total: ordered.length })),
            h("span", { class: "step-kind" }, t(`step.kind.${step.kind}`)),
          ),
          h("p", { class: "step-summary" }, translate(locale, summaryOf(step) ?? { raw: step.summary })),
          h(
            "dl",
            { class: "step-facts" },
            h("dt", {}, t("label.contract")),
            h(
              "dd",
              {},
              contractName ? t(contractName) : step.contract,
              h("code", { class: "address" }, checksummed(step.to)),
            ),
            h("dt", {}, t("step.call")),
            h("dd", {}, h("code", { class: "call" }, `${step.functionName}(${args})`)),
          ),
          h(
            "p",
            { class: "step-status", "data-testid": "step-status" },
            t(`step.status.${state}` as MessageKey),
            step.txHash ? h("code", { class: "tx" }, t("step.tx", { hash: step.txHash })) : undefined,
          ),
        );
      }),
    ),
  );
}
