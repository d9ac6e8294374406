import { type Locale, translate } from "../i18n/translate.ts";
import { h } from "./dom.ts";

/** The page's top bar: its title and the language switch (data-testid="language-switch"). */
export function header(locale: Locale, title: "title.sign" | "title.link", onSwitch: () => void) {
  const t = (key: "app.name" | "language.switch" | "language.switchLabel" | typeof title) =>
    translate(locale, { key });
  return h(
    "header",
    { class: "bar" },
    h("div", { class: "brand" }, h("span", { class: "brand-name" }, t("app.name")), h("h1", {}, t(title))),
    h(
      "button",
      {
        type: "button",
        class: "language",
        "data-testid": "language-switch",
        lang: locale === "en" ? "zh" : "en",
        "aria-label": t("language.switchLabel"),
        onClick: onSwitch,
      },
      t("language.switch"),
    ),
  );
}
