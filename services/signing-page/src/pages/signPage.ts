import { errorText } from "../api/errorText.ts";
import { GatewayError } from "../api/graphqlRequest.ts";
import { fetchIntent, reportIntentTransaction } from "../api/intentApi.ts";
import { pollIntent } from "../api/pollIntent.ts";
import type { Deployment, SigningIntent } from "../api/types.ts";
import { type CallTerms, readCallTerms } from "../checks/callTerms.ts";
import { checkIntent } from "../checks/checkIntent.ts";
import { describeStep } from "../format/describeStep.ts";
import { formatCountdown } from "../format/formatTime.ts";
import { shortAddress } from "../format/shortAddress.ts";
import type { Locale, Text } from "../i18n/translate.ts";
import { intentDetails } from "../ui/intentDetails.ts";
import { stepList } from "../ui/stepList.ts";
import { walletPanel } from "../ui/walletPanel.ts";
import type { WalletOption } from "../wallet/discoverWallets.ts";
import { PageError } from "../wallet/eip1193.ts";
import { requestAccount } from "../wallet/requestAccount.ts";
import { runSteps } from "../wallet/runSteps.ts";
import type { PageShell } from "./pageShell.ts";
import { canSign, isPastExpiry, isSettled, nextStep, orderedSteps, statusLine } from "./signStatus.ts";

/**
 * The intent as last read, what the page found wrong with it, and (when nothing) its action call's
 * terms: what the page shows is read from those.
 */
type Loaded = {
  intent: SigningIntent;
  deployment: Deployment;
  problems: Text[];
  terms: CallTerms | undefined;
};

/**
 * `/sign/<id>`: loads the intent, checks every step, shows what will happen, and walks the
 * member's wallet through the steps in order, reporting each transaction and waiting until the
 * gateway sees it mined. Never sends anything for an intent that failed a check, expired or ended.
 */
export function startSignPage(shell: PageShell, id: string) {
  let loaded: Loaded | undefined;
  let fatal: { status: string; text: Text; retry: boolean } | undefined;
  let wallets: WalletOption[] = [];
  let searching = true;
  let wallet: WalletOption | undefined;
  let account: string | undefined;
  let busy = false;
  let sendingIndex: number | undefined;
  let progress: Text | undefined;
  let error: { text: Text; details?: Text[] } | undefined;
  /** Hashes the wallet gave but the gateway has not acknowledged yet: reported again, never re-sent. */
  const unreported = new Map<number, string>();

  function setLoaded(intent: SigningIntent, deployment: Deployment) {
    const problems = checkIntent(intent, deployment);
    const action = orderedSteps(intent).at(-1);
    const terms = problems.length === 0 && action ? readCallTerms(action, deployment) : undefined;
    loaded = { intent, deployment, problems, terms };
    fatal = undefined;
    if (problems.length > 0) {
      error = { text: { key: "error.tampered" }, details: problems };
    }
    render();
  }

  async function load() {
    try {
      const answer = await fetchIntent(id, shell.locale());
      setLoaded(answer.intent, answer.deployment);
      watchWhileSubmitted();
    } catch (failure) {
      const unknown = failure instanceof GatewayError && failure.code === "UNKNOWN_INTENT";
      fatal = unknown
        ? { status: "INVALID", text: { key: "status.INVALID" }, retry: false }
        : { status: "UNAVAILABLE", text: errorText(failure), retry: true };
      render();
    }
  }

  /** Reads the intent again, checks and shows it; a refused intent ends whatever was waiting. */
  async function readChecked(): Promise<SigningIntent> {
    const answer = await fetchIntent(id, shell.locale());
    setLoaded(answer.intent, answer.deployment);
    if (loaded?.problems.length) throw new PageError({ key: "status.REFUSED" });
    return answer.intent;
  }

  const poll = (done: (intent: SigningIntent) => boolean, firstDelayMs?: number) =>
    pollIntent(readChecked, done, { firstDelayMs });

  /** After a reload mid-way: follow the chain while a reported step is still being mined. */
  function watchWhileSubmitted() {
    const intent = loaded?.intent;
    if (
      busy ||
      !intent ||
      intent.status !== "SUBMITTED" ||
      canSign(intent, loaded?.problems ?? [], Date.now())
    )
      return;
    busy = true;
    progress = { key: "status.SUBMITTED" };
    render();
    poll((next) => isSettled(next) || canSign(next, [], Date.now()))
      .catch((failure) => {
        error = { text: errorText(failure) };
      })
      .finally(() => {
        busy = false;
        progress = undefined;
        render();
      });
  }

  async function connect(option: WalletOption) {
    const expected = loaded?.intent.account;
    busy = true;
    error = undefined;
    progress = { key: "wallet.connecting" };
    render();
    try {
      const connected = await requestAccount(option.provider, expected);
      if (expected && connected.toLowerCase() !== expected.toLowerCase()) {
        const params = { connected: shortAddress(connected), expected: shortAddress(expected) };
        error = { text: { key: "error.wrongAccount", params } };
      } else {
        wallet = option;
        account = connected;
        option.provider.on?.("accountsChanged", onAccountsChanged);
      }
    } catch (failure) {
      error = { text: errorText(failure) };
    } finally {
      busy = false;
      progress = undefined;
      render();
    }
  }

  /** The member switched accounts in the wallet: connect again rather than sign as someone else. */
  function onAccountsChanged(accounts: unknown) {
    const first = Array.isArray(accounts) ? accounts[0] : undefined;
    if (typeof first === "string" && account && first.toLowerCase() === account.toLowerCase()) return;
    wallet?.provider.removeListener?.("accountsChanged", onAccountsChanged);
    wallet = undefined;
    account = undefined;
    if (!busy) render();
  }

  async function signSteps() {
    if (!wallet || !account || busy) return;
    busy = true;
    error = undefined;
    render();
    try {
      await runSteps({
        provider: wallet.provider,
        from: account,
        unreported,
        poll,
        report,
        onProgress(now, sending) {
          progress = now;
          sendingIndex = sending;
          render();
        },
      });
    } catch (failure) {
      error = { text: errorText(failure) };
    } finally {
      busy = false;
      sendingIndex = undefined;
      progress = undefined;
      render();
    }
  }

  /** Reports a hash; "already reported" with this very hash means an earlier answer was lost. */
  async function report(step: number, hash: string): Promise<SigningIntent> {
    try {
      return await reportIntentTransaction(id, step, hash, shell.locale());
    } catch (failure) {
      const same =
        failure instanceof GatewayError &&
        failure.code === "STEP_ALREADY_REPORTED" &&
        String(failure.params.txHash).toLowerCase() === hash.toLowerCase();
      if (!same) throw failure;
      return (await fetchIntent(id, shell.locale())).intent;
    }
  }

  function render() {
    const locale: Locale = shell.locale();
    const now = Date.now();
    if (!loaded || fatal) {
      shell.show("title.sign", {
        status: fatal ?? { status: "LOADING", text: { key: "loading" } },
        tone: fatal ? "error" : "info",
        onRetry: fatal?.retry ? () => void load() : undefined,
        body: [],
        error,
      });
      return;
    }
    const { intent, deployment, problems, terms } = loaded;
    const line = statusLine(intent, problems, now, locale);
    const live = (intent.status === "PENDING" || intent.status === "SUBMITTED") && !isPastExpiry(intent, now);
    const signable = canSign(intent, problems, now) || unreported.size > 0;
    const next = nextStep(intent);
    const position = next ? orderedSteps(intent).indexOf(next) + 1 : 0;
    const showWallet = problems.length === 0 && (signable || busy);
    shell.show("title.sign", {
      status: line,
      tone: line.tone,
      body: [
        ...intentDetails(
          intent,
          terms,
          locale,
          live ? formatCountdown(new Date(intent.expiresAt).getTime() - now) : undefined,
        ),
        // The page words the steps from their arguments; a refused intent keeps the gateway's words.
        stepList(intent.steps, locale, sendingIndex, (step) =>
          terms ? describeStep(step, deployment) : undefined,
        ),
      ],
      error,
      panel: showWallet
        ? walletPanel({
            locale,
            wallets,
            searching,
            account,
            busy,
            action: signable
              ? { key: "sign.button", params: { n: position, total: intent.steps.length } }
              : undefined,
            progress,
            onConnect: (option) => void connect(option),
            onAction: () => void signSteps(),
          })
        : undefined,
    });
  }

  shell.onLocaleChange(() => {
    render();
    // Step summaries come worded by the gateway: ask again in the new language.
    if (!busy && loaded)
      void fetchIntent(id, shell.locale()).then(
        (a) => setLoaded(a.intent, a.deployment),
        () => {},
      );
  });
  shell.onWallets((found, stillSearching) => {
    wallets = found;
    searching = stillSearching;
    render();
  });
  // The countdown moves every second; crossing the expiry re-renders without the sign button.
  let expiryShown = false;
  setInterval(() => {
    const intent = loaded?.intent;
    if (!intent) return;
    const left = new Date(intent.expiresAt).getTime() - Date.now();
    const countdown = document.querySelector('[data-testid="expiry-countdown"]');
    if (countdown) countdown.textContent = formatCountdown(left);
    if (left <= 0 && !expiryShown && !busy) {
      expiryShown = true;
      render();
    }
  }, 1_000);
  render();
  void load();
}
