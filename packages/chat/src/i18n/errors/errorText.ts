import type { GatewayError } from "../../gateway/GatewayError.ts";
import type { Locale } from "../Locale.ts";
import { textsFor } from "../texts/textsFor.ts";
import type { ErrorWording } from "./ErrorParams.ts";
import { errorTextsEn, unknownErrorEn } from "./errorTextsEn.ts";
import { errorTextsZh, unknownErrorZh } from "./errorTextsZh.ts";
import { isGatewayErrorCode } from "./gatewayErrorCodes.ts";

const catalogs = {
  en: { texts: errorTextsEn, unknown: unknownErrorEn },
  zh: { texts: errorTextsZh, unknown: unknownErrorZh },
} as const;

/**
 * A gateway error as one short sentence in `locale`, worded from its code and params (the gateway's
 * own `message` is never shown); a retryable error adds "try again in a minute".
 */
export function errorText(
  locale: Locale,
  error: Pick<GatewayError, "code" | "params" | "retryable">,
): string {
  const catalog = catalogs[locale];
  const wording: ErrorWording | undefined = isGatewayErrorCode(error.code)
    ? catalog.texts[error.code]
    : undefined;
  const sentence = wording ? wording(error.params) : catalog.unknown(error.code);
  // RATE_LIMITED already says when.
  return error.retryable && error.code !== "RATE_LIMITED"
    ? `${sentence}${locale === "zh" ? "" : " "}${textsFor(locale).errors.retryLater}`
    : sentence;
}
