import { LOCALE_STORAGE_KEY, pickLocale } from "../i18n/pickLocale.ts";
import { type Locale, type Text, translate } from "../i18n/translate.ts";
import { type Child, h } from "../ui/dom.ts";
import { header } from "../ui/header.ts";
import { discoverWallets, type WalletOption } from "../wallet/discoverWallets.ts";

/** One screen of a page: the status line, the page's own content, an error, the wallet panel. */
export type ShellView = {
  /** `status` becomes data-status on the status line (data-testid="status"). */
  status: { status: string; text: Text };
  tone: "info" | "success" | "error";
  /** Offers a "Try again" button (data-testid="retry-button"). */
  onRetry?: () => void;
  body: Child[];
  /** Shown as data-testid="error-message" (role="alert"), with a list of details when given. */
  error?: { text: Text; details?: Text[] };
  panel?: Child;
};

/** What both pages share: the language (remembered), the frame around a screen, and wallet discovery. */
export type PageShell = {
  locale(): Locale;
  show(title: "title.sign" | "title.link", view: ShellView): void;
  onLocaleChange(listener: () => void): void;
  onWallets(listener: (wallets: WalletOption[], searching: boolean) => void): void;
};

const readStored = (storage: Storage | undefined) => {
  try {
    return storage?.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return undefined; // storage can be disabled (private mode, some in-app browsers)
  }
};

export function createPageShell(root: HTMLElement, storage: Storage | undefined): PageShell {
  let locale = pickLocale(readStored(storage), navigator.languages ?? [navigator.language]);
  const localeListeners: (() => void)[] = [];
  document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";

  function switchLocale() {
    locale = locale === "en" ? "zh" : "en";
    document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
    try {
      storage?.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Not remembered then; the switch still applies to this visit.
    }
    for (const listener of localeListeners) listener();
  }

  return {
    locale: () => locale,
    show(title, view) {
      const t = (text: Text) => translate(locale, text);
      document.title = `${t({ key: title })} · ${t({ key: "app.name" })}`;
      root.replaceChildren(
        header(locale, title, switchLocale),
        h(
          "main",
          { class: "content" },
          h(
            "section",
            {
              class: `status status-${view.tone}`,
              "data-testid": "status",
              "data-status": view.status.status,
              role: "status",
            },
            h("p", {}, t(view.status.text)),
            view.onRetry
              ? h(
                  "button",
                  { type: "button", "data-testid": "retry-button", onClick: view.onRetry },
                  t({ key: "retry" }),
                )
              : undefined,
          ),
          ...view.body,
          view.error
            ? h(
                "div",
                { class: "error", "data-testid": "error-message", role: "alert" },
                h("p", {}, t(view.error.text)),
                view.error.details?.length
                  ? h("ul", {}, ...view.error.details.map((d) => h("li", {}, t(d))))
                  : undefined,
              )
            : undefined,
          view.panel,
          h("p", { class: "safety" }, t({ key: "safety" })),
        ),
      );
    },
    onLocaleChange: (listener) => localeListeners.push(listener),
    onWallets: (listener) => void discoverWallets(listener),
  };
}
