import { maskRpcUrl } from "./maskRpcUrl.ts";

/** A URL with a scheme (http, https, ws, wss, postgresql…) up to the first space, quote or bracket. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>()[\]{}]+/gi;

/**
 * `text` (an error's message or stack) with every URL in it masked by {@link maskRpcUrl}: viem writes
 * the RPC URL it called into its messages ("URL: https://…/v2/<key>"), and an RPC provider's API key
 * is in that URL. The one function every log line that may carry a chain error goes through.
 */
export function maskUrlsIn(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => maskRpcUrl(url));
}
