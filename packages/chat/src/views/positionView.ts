import type { Account, OptionPosition } from "../gateway/operations/getAccount.ts";
import { formatDate, formatDateTime } from "../i18n/format/formatDates.ts";
import { formatTokenAmount } from "../i18n/format/formatTokenAmount.ts";
import type { Locale } from "../i18n/Locale.ts";
import { textsFor } from "../i18n/texts/textsFor.ts";
import type { ChatSection, ChatView } from "./ChatView.ts";
import { freshness } from "./freshness.ts";
import { shortAddress } from "./shortAddress.ts";

/** Positions shown in full; a wallet with more gets the ones with the most still locked. */
const MAX_POSITIONS = 5;

/** /position: balances, rebase staking and its growth, SORA quota, each option position with the early release now. */
export function positionView(locale: Locale, account: Account): ChatView {
  const t = textsFor(locale).position;
  const amount = (value: Account["luma"]) => formatTokenAmount(value, locale);
  const positions = [...account.optionPositions]
    .sort((a, b) => (a.locked.raw === b.locked.raw ? 0 : a.locked.raw > b.locked.raw ? -1 : 1))
    .slice(0, MAX_POSITIONS)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const sections: ChatSection[] = [
    {
      lines: [{ label: textsFor(locale).wallet.using, value: account.address, mono: true }],
    },
    {
      heading: t.balances,
      lines: [account.pop, account.luma, account.sora].map((balance) => ({
        label: balance.symbol,
        value: amount(balance),
      })),
    },
    {
      heading: t.rebase,
      lines: [
        { label: t.sLuma, value: amount(account.sLuma) },
        { label: t.growth, value: amount(account.sLumaGrowth.growth) },
        { label: t.growth7d, value: amount(account.sLumaGrowth.growth7d) },
        { label: t.soraQuota, value: amount(account.soraQuota) },
      ],
    },
    ...positions.map((position) => optionSection(locale, position)),
  ];
  return {
    tone: "info",
    title: t.title({ address: shortAddress(account.address) }),
    text: account.optionPositions.length === 0 ? [t.noPositions] : undefined,
    sections,
    buttons: [],
    ...freshness(locale, account.block),
  };
}

/** One option position: stake, earnings, what is claimable and locked, and the early release now. */
export function optionSection(locale: Locale, position: OptionPosition): ChatSection {
  const t = textsFor(locale).position;
  const amount = (value: OptionPosition["locked"]) => formatTokenAmount(value, locale);
  const lines = [
    { label: t.popStaked, value: amount(position.popStaked) },
    { label: t.principal, value: amount(position.principal) },
    { label: t.earned, value: amount(position.earned) },
    { label: t.claimable, value: amount(position.claimable) },
    { label: t.locked, value: amount(position.locked) },
  ];
  if (position.locked.raw > 0n) {
    lines.push(
      { label: t.earlyFee, value: amount(position.earlyReleaseFeeNow) },
      { label: t.earlyPayout, value: amount(position.earlyReleasePayoutNow) },
    );
  }
  if (position.breakEvenOfWaiting)
    lines.push({ label: t.breakEven, value: formatDateTime(position.breakEvenOfWaiting, locale) });
  if (position.fullyReleasedAt)
    lines.push({ label: t.fullyReleased, value: formatDate(position.fullyReleasedAt, locale) });
  lines.push({ label: t.earningUntil, value: formatDate(position.earningUntil, locale) });
  return { heading: t.option({ id: position.id.toString() }), lines };
}
