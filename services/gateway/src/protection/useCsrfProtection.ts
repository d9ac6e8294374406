import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import type { Plugin } from "graphql-yoga";
import { domainError } from "../errors/domainError.ts";

/** The header a client adds to a GET (or form-encoded POST) to show it is not a cross-site form. */
export const CSRF_HEADER = "x-graphql-yoga-csrf";

/**
 * Yoga's CSRF prevention: a request a browser would send cross-site without a preflight (a GET, or
 * a POST as a form or text/plain) must carry {@link CSRF_HEADER} or `x-api-key` (any custom header
 * forces the preflight). JSON POSTs, including SSE subscriptions, pass. Its refusal is re-thrown as
 * CSRF_HEADER_REQUIRED (403) so clients get a code and a way out, like every other refusal.
 */
export function useCsrfProtection(): Plugin {
  const csrf = useCSRFPrevention({ requestHeaders: [CSRF_HEADER, "x-api-key"] });
  return {
    onRequestParse(payload) {
      try {
        return csrf.onRequestParse?.(payload);
      } catch {
        throw domainError("CSRF_HEADER_REQUIRED", { header: CSRF_HEADER });
      }
    },
  };
}
