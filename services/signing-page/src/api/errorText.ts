import { messageKey, type Params, type Text } from "../i18n/translate.ts";
import { walletErrorText } from "../wallet/eip1193.ts";
import { GatewayError, NetworkError } from "./graphqlRequest.ts";

/**
 * How any failure reads on the page: a gateway error in the page's own words from its code and
 * params (its message, already in the request's language, when the page has no words for the
 * code), a network failure, or a wallet's error.
 */
export function errorText(error: unknown): Text {
  if (error instanceof GatewayError) {
    const key = error.code ? messageKey(`gateway.${error.code}`) : undefined;
    if (!key) return { raw: error.message };
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(error.params)) {
      if (typeof value === "string" || typeof value === "number") params[name] = value;
    }
    return { key, params: params as Params };
  }
  if (error instanceof NetworkError) {
    return error.status
      ? { key: "error.server", params: { status: error.status } }
      : { key: "error.network" };
  }
  return walletErrorText(error);
}
