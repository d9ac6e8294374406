import type { MessageKey } from "../i18n/en.ts";
import { type Locale, type Params, type Text, translate } from "../i18n/translate.ts";
import type { WalletOption } from "../wallet/discoverWallets.ts";
import { h } from "./dom.ts";

export type WalletPanelProps = {
  locale: Locale;
  wallets: readonly WalletOption[];
  searching: boolean;
  /** The connected account (checksummed), once the member connected one. */
  account: string | undefined;
  busy: boolean;
  /** What the main button does once connected; none: no button (nothing to sign). */
  action: Text | undefined;
  progress: Text | undefined;
  onConnect(wallet: WalletOption): void;
  onAction(): void;
};

/**
 * The wallet part of a page: the wallets found (one data-testid="connect-button" each, with
 * data-wallet = its rdns or "injected"), or how to open the link in a wallet's browser; once
 * connected, the account and the main button (data-testid="sign-button"); and the progress line
 * (data-testid="progress").
 */
export function walletPanel(props: WalletPanelProps) {
  const t = (key: MessageKey, params?: Params) => translate(props.locale, { key, params });
  const body = props.account
    ? [
        h(
          "p",
          { class: "account", "data-testid": "connected-account" },
          t("wallet.connected", { account: props.account }),
        ),
        props.action
          ? h(
              "button",
              {
                type: "button",
                class: "primary",
                "data-testid": "sign-button",
                disabled: props.busy,
                onClick: props.onAction,
              },
              translate(props.locale, props.action),
            )
          : undefined,
      ]
    : walletChoices(props, t);
  return h(
    "section",
    { class: "wallet" },
    h("h3", {}, t("wallet.title")),
    ...body,
    props.progress
      ? h(
          "p",
          { class: "progress", "data-testid": "progress", "aria-live": "polite" },
          translate(props.locale, props.progress),
        )
      : undefined,
  );
}

function walletChoices(props: WalletPanelProps, t: (key: MessageKey, params?: Params) => string) {
  if (props.wallets.length === 0) {
    return [
      props.searching
        ? h("p", { class: "muted" }, t("wallet.searching"))
        : h("p", { class: "notice", "data-testid": "no-wallet" }, t("wallet.none")),
    ];
  }
  return [
    h(
      "div",
      { class: "wallets" },
      ...props.wallets.map((wallet) =>
        h(
          "button",
          {
            type: "button",
            class: "wallet-option",
            "data-testid": "connect-button",
            "data-wallet": wallet.rdns || wallet.id,
            disabled: props.busy,
            onClick: () => props.onConnect(wallet),
          },
          wallet.icon ? h("img", { src: wallet.icon, alt: "", width: 28, height: 28 }) : undefined,
          h("span", {}, t("wallet.connect", { name: wallet.name ?? t("wallet.injected") })),
        ),
      ),
    ),
  ];
}
