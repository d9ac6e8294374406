import { signableCallInputs } from "@luma-pulse/protocol";
import { getAddress } from "viem";
import type { PlanStep } from "../actions/TransactionPlan.ts";

/** Every way to open an intent: our page, the page inside a wallet's browser, EIP-681, a QR code. */
export type SigningLinks = {
  page: string;
  metamask: string;
  trust: string;
  okx: string;
  eip681: string | null;
  qrCode: string;
};

/** `<publicUrl>/sign/<id>`: the only thing a link carries is the intent's id. */
export const signingPageUrl = (publicUrl: string, intentId: string) =>
  `${publicUrl}/sign/${encodeURIComponent(intentId)}`;

/**
 * The links for one intent. Wallet links open our signing page in the wallet's in-app browser:
 * MetaMask's own deep links cannot carry contract calls reliably, so the page does the calls.
 */
export function signingLinks(
  publicUrl: string,
  intent: { id: string; chainId: number; steps: readonly PlanStep[] },
): SigningLinks {
  const page = signingPageUrl(publicUrl, intent.id);
  const { host, pathname } = new URL(page);
  const okxDeeplink = `okx://wallet/dapp/url?dappUrl=${encodeURIComponent(page)}`;
  const [only, ...more] = intent.steps;
  return {
    page,
    // MetaMask takes the page without its scheme (it opens it over https).
    metamask: `https://metamask.app.link/dapp/${host}${pathname}`,
    trust: `https://link.trustwallet.com/open_url?coin_id=60&url=${encodeURIComponent(page)}`,
    okx: `https://www.okx.com/download?deeplink=${encodeURIComponent(okxDeeplink)}`,
    // A URI describes one transaction: a plan with an approval first cannot be one.
    eip681: only && more.length === 0 ? eip681Uri(intent.chainId, only) : null,
    qrCode: `${page}/qr.png`,
  };
}

/**
 * EIP-681's function-call form: `ethereum:<to>@<chainId>/<function>?<type>=<value>&…`, arguments in
 * ABI order keyed by their type, then `value` (wei, when any) and `gasLimit`.
 */
export function eip681Uri(chainId: number, step: Pick<PlanStep, "to" | "call" | "value" | "gas">): string {
  const { inputs } = signableCallInputs(step.call);
  const parameters = inputs.map((input, i) => `${input.type}=${step.call.args[i]}`);
  if (step.value > 0n) parameters.push(`value=${step.value}`);
  parameters.push(`gasLimit=${step.gas}`);
  return `ethereum:${getAddress(step.to)}@${chainId}/${step.call.functionName}?${parameters.join("&")}`;
}
