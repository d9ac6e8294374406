import type { GatewayError } from "../gateway/GatewayError.ts";
import { errorText } from "../i18n/errors/errorText.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatView } from "./ChatView.ts";

/** A gateway error as a short localized answer (never the raw message or a stack). */
export function errorView(
  locale: Locale,
  error: Pick<GatewayError, "code" | "params" | "retryable">,
): ChatView {
  return {
    tone: error.retryable ? "warning" : "error",
    title: textsFor(locale).errors.title,
    text: [errorText(locale, error)],
    sections: [],
    buttons: [],
  };
}
