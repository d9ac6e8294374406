import type { WalletLink, WalletLinkChallenge } from "../gateway/operations/walletLinks.ts";
import { formatDateTime, formatDuration } from "../i18n/format/formatDates.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatView } from "./ChatView.ts";

/** /link: the page that has the member sign a SIWE message, and until when it works. */
export function linkView(locale: Locale, challenge: WalletLinkChallenge, now: Date): ChatView {
  const t = textsFor(locale).wallet;
  const plan = textsFor(locale).plan;
  const left = formatDuration(challenge.expiresAt.getTime() - now.getTime(), locale);
  return {
    tone: "info",
    title: t.linkTitle,
    text: [t.linkIntro],
    sections: [
      {
        lines: [
          {
            label: t.expires,
            value: plan.expiresValue({ time: formatDateTime(challenge.expiresAt, locale), left }),
          },
        ],
      },
    ],
    buttons: [{ label: t.linkButton, url: challenge.url }],
  };
}

/** The wallets a user linked (for /unlink without an address, when there are several). */
export function walletListView(locale: Locale, links: readonly WalletLink[], note?: string): ChatView {
  const t = textsFor(locale).wallet;
  return {
    tone: links.length === 0 ? "warning" : "info",
    title: links.length === 0 ? t.notLinkedTitle : t.listTitle,
    text: links.length === 0 ? [t.notLinked] : note ? [note] : undefined,
    sections:
      links.length === 0
        ? []
        : [
            {
              lines: links.map((link) => ({
                label: t.linkedAt({ time: formatDateTime(link.linkedAt, locale) }),
                value: link.address,
                mono: true,
              })),
            },
          ],
    buttons: [],
  };
}

/** No wallet linked yet: what to do. */
export function notLinkedView(locale: Locale): ChatView {
  const t = textsFor(locale).wallet;
  return { tone: "warning", title: t.notLinkedTitle, text: [t.notLinked], sections: [], buttons: [] };
}

/** A wallet unlinked, or one the user does not have. */
export function unlinkView(locale: Locale, address: string, unlinked: boolean): ChatView {
  const t = textsFor(locale).wallet;
  return {
    tone: unlinked ? "success" : "warning",
    title: t.listTitle,
    text: [unlinked ? t.unlinked({ address }) : t.notLinkedAddress({ address })],
    sections: [],
    buttons: [],
  };
}
