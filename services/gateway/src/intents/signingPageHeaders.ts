/**
 * The signing page's Content-Security-Policy: its own scripts, styles and API only; images may
 * also be data: URIs (EIP-6963 wallet icons are). No inline code, no third party, no framing, no
 * forms. Trusted Types with no policy at all: no string can reach an HTML or script sink (the page
 * builds its DOM with createElement and textContent), so an injection has nowhere to land. No
 * `upgrade-insecure-requests`: it would break the page when served over plain http from a LAN
 * address (a phone testing a dev machine); production gets https from PUBLIC_URL and its proxy.
 */
export const SIGNING_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join("; ");

/**
 * Headers on everything the signing page's routes serve (the page, its assets, the QR code), their
 * errors included: the CSP, `nosniff`, and `no-referrer` (a link's id must not leak to other sites).
 */
export const signingSecurityHeaders: Readonly<Record<string, string>> = {
  "content-security-policy": SIGNING_PAGE_CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  // For browsers that predate frame-ancestors.
  "x-frame-options": "DENY",
};
