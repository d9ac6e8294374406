/**
 * The signing page (issue 4), served by the gateway at `/sign/<id>` (sign a transaction plan) and
 * `/link/<id>` (link a wallet to a chat account with SIWE). Vanilla TypeScript, bundled by Vite;
 * the gateway's CSP allows only this origin's scripts, styles and API, so nothing here is inline.
 *
 * Stable `data-testid`s (browser tests rely on them; keep them when changing the markup):
 * - `status`               the status line; `data-status` = LOADING | INVALID | UNAVAILABLE | REFUSED |
 *                          PENDING | SUBMITTED | CONFIRMED | FAILED | DROPPED | EXPIRED
 *                          (link page: LOADING | INVALID | UNAVAILABLE | PENDING | USED | EXPIRED | LINKED)
 * - `retry-button`         "Try again" after the gateway could not be reached
 * - `language-switch`      switches 中文 / English (remembered in localStorage "luma-pulse.locale")
 * - `verification-code`    the code the bot shows too ("K7P-4QX")
 * - `action-summary`       the action in words ("Stake 100 LUMA")
 * - `detail-spend`, `detail-receive`, `detail-principal`, `detail-fee`, `detail-bound`, `detail-network`,
 *   `detail-account`
 * - `expiry-countdown`     time left ("14:59")
 * - `step`                 one per transaction, in order; `data-step-index` (the gateway's index) and
 *                          `data-step-status` = todo | sending | PENDING | MINED | REVERTED | MISMATCHED | DROPPED
 * - `step-status`          inside a step: its status in words (and its transaction hash once sent)
 * - `connect-button`       one per wallet found; `data-wallet` = its EIP-6963 rdns, or "injected"
 * - `no-wallet`            shown when no wallet was found (how to open the link in a wallet's browser)
 * - `connected-account`    the connected account
 * - `sign-button`          signs the next step ("Sign step 1 of 2"); link page: "Sign in with your wallet"
 * - `progress`             what is happening now ("Step 1 of 2: confirm in your wallet")
 * - `error-message`        the last error (declined, wrong account, wrong chain, refused intent…)
 */
import "./style.css";
import { startLinkPage } from "./pages/linkPage.ts";
import { createPageShell } from "./pages/pageShell.ts";
import { startSignPage } from "./pages/signPage.ts";
import { routeOf } from "./route.ts";

function storageOrNone(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const root = document.getElementById("app");
if (root) {
  const shell = createPageShell(root, storageOrNone());
  const route = routeOf(location.pathname);
  if (route?.page === "sign") startSignPage(shell, route.id);
  else if (route?.page === "link") startLinkPage(shell, route.id);
  else {
    const show = () =>
      shell.show("title.sign", {
        status: { status: "INVALID", text: { key: "status.INVALID" } },
        tone: "error",
        body: [],
      });
    shell.onLocaleChange(show);
    show();
  }
}
