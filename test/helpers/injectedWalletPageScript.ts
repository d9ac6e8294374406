/** Name of the function (exposed with `page.exposeFunction`) that carries the page's requests to Node. */
export const walletBridgeName = "__testWalletRequest";

/** EIP-6963 provider info the test wallet announces; the icon is a data URI, as the EIP requires. */
export const testWalletInfo = {
  uuid: "5b8b5e8e-4f1e-4c55-9a55-7e0d3c1b2a10",
  name: "Test Wallet",
  icon: `data:image/svg+xml,${encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#3b82f6"/><path d="M8 11h16v12H8z" fill="#fff"/></svg>',
  )}`,
  rdns: "test.wallet",
};

/**
 * The page side of the injected wallet, as source text for `page.addInitScript` (a string, not a
 * function: tsx/esbuild would inject helpers into a function's text that do not exist in the page).
 *
 * An EIP-1193 provider whose `request` forwards `{ method, params }` to Node and rejects with the
 * `{ code, message }` Node answers; Node's answer also lists events (chainChanged,
 * accountsChanged) to emit, as a wallet does after a switch. It announces itself per EIP-6963
 * (on load and on every `eip6963:requestProvider`) and is `window.ethereum` for pages without
 * EIP-6963 support.
 */
export const injectedWalletPageScript = `(() => {
  const info = Object.freeze(${JSON.stringify(testWalletInfo)});
  const listeners = new Map();
  const emit = (event, data) => {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try { listener(data); } catch (error) { console.error(error); }
    }
  };
  const provider = {
    isTestWallet: true,
    async request(args) {
      if (!args || typeof args.method !== "string") {
        throw Object.assign(new Error("Invalid request: expected { method, params }"), { code: -32600 });
      }
      const answer = await window.${walletBridgeName}({ method: args.method, params: args.params ?? [] });
      for (const { event, data } of answer.events ?? []) emit(event, data);
      if (answer.error) {
        throw Object.assign(new Error(answer.error.message), { code: answer.error.code, data: answer.error.data });
      }
      return answer.result;
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return provider;
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
  };
  const detail = Object.freeze({ info, provider });
  const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
  Object.defineProperty(window, "ethereum", { value: provider, configurable: true, writable: false });
})();`;
