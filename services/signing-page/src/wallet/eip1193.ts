import type { Text } from "../i18n/translate.ts";

/** An EIP-1193 provider: what wallets inject (window.ethereum) or announce (EIP-6963). */
export type Eip1193Provider = {
  request(args: { method: string; params?: readonly unknown[] | object }): Promise<unknown>;
  on?(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener?(event: string, listener: (...args: unknown[]) => void): unknown;
};

/** EIP-1193 / EIP-3326 error codes the page reacts to. */
export const USER_REJECTED = 4001;
export const UNRECOGNIZED_CHAIN = 4902;
export const REQUEST_PENDING = -32002;

/**
 * The numeric code of a wallet's error. Some mobile wallets wrap the original one in a generic
 * error (`-32603` with `data.originalError.code`, or a `cause`) — 4902 from MetaMask Mobile
 * arrives that way — so the innermost code wins.
 */
export function walletErrorCode(error: unknown): number | undefined {
  const seen = new Set<unknown>();
  let found: number | undefined;
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, data, cause } = current as { code?: unknown; data?: unknown; cause?: unknown };
    if (typeof code === "number") found = code;
    const original = (data as { originalError?: unknown } | undefined)?.originalError;
    current = original ?? cause;
  }
  return found;
}

/** A failure the page has already worded for the member. */
export class PageError extends Error {
  constructor(readonly text: Text) {
    super("key" in text ? text.key : text.raw);
  }
}

/** How a wallet's refusal or failure reads on the page. */
export function walletErrorText(error: unknown): Text {
  if (error instanceof PageError) return error.text;
  const code = walletErrorCode(error);
  if (code === USER_REJECTED) return { key: "error.declined" };
  if (code === REQUEST_PENDING) return { key: "error.walletBusy" };
  const message = error instanceof Error ? error.message : String(error);
  // Wallet messages can be long stack-like dumps; the first line says enough.
  return { key: "error.wallet", params: { message: (message.split("\n")[0] ?? "").slice(0, 200) } };
}
