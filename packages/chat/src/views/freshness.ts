import { formatDateTime } from "../i18n/format/formatDates.ts";
import { formatInteger } from "../i18n/format/formatNumbers.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatView } from "./ChatView.ts";

/** The footer and `asOf` of a view of protocol data read at `block`. */
export function freshness(
  locale: Locale,
  block: { number: bigint; timestamp: Date },
): Pick<ChatView, "footer" | "asOf"> {
  return {
    footer: textsFor(locale).common.freshness({
      block: formatInteger(block.number),
      time: formatDateTime(block.timestamp, locale),
    }),
    asOf: { block: block.number, time: block.timestamp },
  };
}
