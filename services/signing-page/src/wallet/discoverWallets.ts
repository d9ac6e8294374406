import type { Eip1193Provider } from "./eip1193.ts";

/** A wallet the member can pick: one announced per EIP-6963, or the injected `window.ethereum`. */
export type WalletOption = {
  /** EIP-6963 uuid, or "injected". */
  id: string;
  /** The wallet's name; undefined for `window.ethereum` (the page names it "Browser wallet"). */
  name: string | undefined;
  /** Reverse-DNS id (io.metamask…), or "injected". */
  rdns: string;
  /** A data: URI image (EIP-6963 requires one; the CSP allows data: images and nothing else foreign). */
  icon: string | undefined;
  provider: Eip1193Provider;
};

type AnnounceEvent = Event & {
  detail?: { info?: { uuid?: unknown; name?: unknown; icon?: unknown; rdns?: unknown }; provider?: unknown };
};

const isProvider = (value: unknown): value is Eip1193Provider =>
  typeof value === "object" && value !== null && typeof (value as Eip1193Provider).request === "function";

/**
 * Finds wallets: listens for EIP-6963 announcements and asks for them; after `fallbackAfterMs`
 * without any, offers `window.ethereum` (older wallets, in-app browsers). Calls `onChange` with
 * the current list and whether the search is still young; returns a function that stops listening.
 */
export function discoverWallets(
  onChange: (wallets: WalletOption[], searching: boolean) => void,
  { target = window, fallbackAfterMs = 500 }: { target?: Window; fallbackAfterMs?: number } = {},
): () => void {
  const announced = new Map<string, WalletOption>();
  let searching = true;
  const list = (): WalletOption[] => {
    if (announced.size > 0) return [...announced.values()];
    const injected = (target as Window & { ethereum?: unknown }).ethereum;
    if (searching || !isProvider(injected)) return [];
    return [{ id: "injected", name: undefined, rdns: "injected", icon: undefined, provider: injected }];
  };
  const onAnnounce = (event: Event) => {
    const { info, provider } = (event as AnnounceEvent).detail ?? {};
    if (!info || typeof info.uuid !== "string" || !isProvider(provider)) return;
    const icon = typeof info.icon === "string" && info.icon.startsWith("data:image/") ? info.icon : undefined;
    announced.set(info.uuid, {
      id: info.uuid,
      name: typeof info.name === "string" && info.name.trim() ? info.name.trim().slice(0, 60) : undefined,
      rdns: typeof info.rdns === "string" ? info.rdns : "",
      icon,
      provider,
    });
    onChange(list(), searching);
  };
  target.addEventListener("eip6963:announceProvider", onAnnounce);
  target.dispatchEvent(new Event("eip6963:requestProvider"));
  const timer = setTimeout(() => {
    searching = false;
    onChange(list(), searching);
  }, fallbackAfterMs);
  return () => {
    clearTimeout(timer);
    target.removeEventListener("eip6963:announceProvider", onAnnounce);
  };
}
