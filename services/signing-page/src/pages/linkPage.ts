import { errorText } from "../api/errorText.ts";
import { GatewayError } from "../api/graphqlRequest.ts";
import type { WalletLink, WalletLinkChallenge } from "../api/types.ts";
import { completeWalletLink, fetchWalletLinkChallenge } from "../api/walletLinkApi.ts";
import { formatCountdown, formatDateTime } from "../format/formatTime.ts";
import { shortAddress } from "../format/shortAddress.ts";
import type { MessageKey } from "../i18n/en.ts";
import { type Text, translate } from "../i18n/translate.ts";
import { h } from "../ui/dom.ts";
import { walletPanel } from "../ui/walletPanel.ts";
import type { WalletOption } from "../wallet/discoverWallets.ts";
import { requestAccount } from "../wallet/requestAccount.ts";
import { personalSign, walletLinkMessage } from "../wallet/signSiweMessage.ts";
import type { PageShell, ShellView } from "./pageShell.ts";

const platformNames: Readonly<Record<WalletLink["platform"], string>> = {
  TELEGRAM: "Telegram",
  DISCORD: "Discord",
};

/**
 * `/link/<id>`: links a chat account to a wallet with Sign-In with Ethereum. Loads the challenge,
 * lets the member connect a wallet, builds the EIP-4361 message from the challenge, has the wallet
 * `personal_sign` it, and hands message and signature to the gateway, which verifies and links.
 */
export function startLinkPage(shell: PageShell, id: string) {
  let challenge: WalletLinkChallenge | undefined;
  let linked: WalletLink | undefined;
  let fatal: { status: string; text: Text; retry: boolean } | undefined;
  let wallets: WalletOption[] = [];
  let searching = true;
  let wallet: WalletOption | undefined;
  let account: string | undefined;
  let busy = false;
  let progress: Text | undefined;
  let error: { text: Text } | undefined;

  async function load() {
    try {
      challenge = await fetchWalletLinkChallenge(id, shell.locale());
      fatal = undefined;
    } catch (failure) {
      fatal = challengeFailure(failure);
    }
    render();
  }

  /** The gateway refuses used, expired and unknown challenges with a code: each is its own status. */
  function challengeFailure(failure: unknown): { status: string; text: Text; retry: boolean } {
    if (!(failure instanceof GatewayError))
      return { status: "UNAVAILABLE", text: errorText(failure), retry: true };
    if (failure.code === "WALLET_LINK_CHALLENGE_EXPIRED" && typeof failure.params.expiredAt === "string") {
      const time = formatDateTime(failure.params.expiredAt, shell.locale());
      return { status: "EXPIRED", text: { key: "link.expired", params: { time } }, retry: false };
    }
    const used = failure.code === "WALLET_LINK_CHALLENGE_USED" || failure.code === "NONCE_ALREADY_USED";
    return { status: used ? "USED" : "INVALID", text: errorText(failure), retry: false };
  }

  /** Runs one wallet interaction with the button disabled and its progress shown. */
  async function step(during: Text, work: () => Promise<void>) {
    busy = true;
    error = undefined;
    progress = during;
    render();
    try {
      await work();
    } catch (failure) {
      error = { text: errorText(failure) };
      // Used or expired meanwhile: show the challenge as it now stands.
      if (failure instanceof GatewayError) await load();
    } finally {
      busy = false;
      progress = undefined;
      render();
    }
  }

  const connect = (option: WalletOption) =>
    step({ key: "wallet.connecting" }, async () => {
      account = await requestAccount(option.provider);
      wallet = option;
    });

  const signIn = () =>
    step({ key: "link.signing" }, async () => {
      if (!challenge || !wallet || !account) return;
      const message = walletLinkMessage(challenge, account);
      const signature = await personalSign(wallet.provider, message, account);
      progress = { key: "link.linking" };
      render();
      linked = await completeWalletLink(id, message, signature, shell.locale());
    });

  function statusOf(current: WalletLinkChallenge): ShellView["status"] & { tone: ShellView["tone"] } {
    const locale = shell.locale();
    if (linked) {
      const params = { address: shortAddress(linked.address), platform: platformNames[linked.platform] };
      return { status: "LINKED", tone: "success", text: { key: "link.success", params } };
    }
    if (current.used) return { status: "USED", tone: "error", text: { key: "link.used" } };
    if (Date.now() >= new Date(current.expiresAt).getTime()) {
      const time = formatDateTime(current.expiresAt, locale);
      return { status: "EXPIRED", tone: "error", text: { key: "link.expired", params: { time } } };
    }
    return { status: "PENDING", tone: "info", text: { key: "link.intro" } };
  }

  function render() {
    const locale = shell.locale();
    const t = (key: MessageKey) => translate(locale, { key });
    if (!challenge || fatal) {
      shell.show("title.link", {
        status: fatal ?? { status: "LOADING", text: { key: "loading" } },
        tone: fatal ? "error" : "info",
        onRetry: fatal?.retry ? () => void load() : undefined,
        body: [],
      });
      return;
    }
    const status = statusOf(challenge);
    const open = status.status === "PENDING";
    const left = new Date(challenge.expiresAt).getTime() - Date.now();
    const fact = (label: MessageKey, value: Node | string) =>
      h("div", { class: "detail" }, h("dt", {}, t(label)), h("dd", {}, value));
    shell.show("title.link", {
      status,
      tone: status.tone,
      body: [
        h(
          "dl",
          { class: "details" },
          fact("link.domain", h("code", {}, challenge.domain)),
          fact("link.statement", challenge.statement),
          open
            ? fact("label.expires", h("span", { "data-testid": "expiry-countdown" }, formatCountdown(left)))
            : undefined,
        ),
      ],
      error,
      panel:
        open || busy
          ? walletPanel({
              locale,
              wallets,
              searching,
              account,
              busy,
              action: { key: "link.button" },
              progress,
              onConnect: (option) => void connect(option),
              onAction: () => void signIn(),
            })
          : undefined,
    });
  }

  shell.onLocaleChange(render);
  shell.onWallets((found, stillSearching) => {
    wallets = found;
    searching = stillSearching;
    render();
  });
  setInterval(() => {
    if (!challenge || linked) return;
    const left = new Date(challenge.expiresAt).getTime() - Date.now();
    const countdown = document.querySelector('[data-testid="expiry-countdown"]');
    if (countdown) countdown.textContent = formatCountdown(left);
    if (left <= 0 && countdown && !busy) render();
  }, 1_000);
  render();
  void load();
}
