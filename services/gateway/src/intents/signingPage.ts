import type { Plugin } from "graphql-yoga";
import { createSigningPageFiles, type PageFile } from "./signingPageFiles.ts";
import { SIGNING_PAGE_CSP, signingSecurityHeaders } from "./signingPageHeaders.ts";

export { SIGNING_PAGE_CSP };

/** Where the page's hashed scripts and styles are served (Vite's `base`). */
export const SIGNING_ASSETS_PREFIX = "/sign-assets/";

/** `/sign/<id>` and `/link/<id>`: one path segment after the prefix (`/sign/<id>/qr.png` is not the page). */
const PAGE_PATH = /^\/(sign|link)\/[^/]+\/?$/;

const NOT_BUILT = "The signing page is not built: run `npm run build` (it builds services/signing-page).\n";

/**
 * Serves the signing page (issue 4): the same `index.html` for `/sign/<id>` and `/link/<id>` (its
 * script reads the path), never cached, and the hashed assets under {@link SIGNING_ASSETS_PREFIX},
 * cached forever. Everything carries {@link SIGNING_PAGE_CSP}, `nosniff` and `no-referrer` (the
 * link's id must not leak to other sites). A page that was not built answers 503 saying so.
 *
 * @param options.dir - the built page (default: services/signing-page/dist)
 */
export function useSigningPage(options: { dir?: string } = {}): Plugin {
  const files = createSigningPageFiles(options.dir);
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const isPage = PAGE_PATH.test(url.pathname);
      const assetName = url.pathname.startsWith(SIGNING_ASSETS_PREFIX)
        ? url.pathname.slice(SIGNING_ASSETS_PREFIX.length)
        : undefined;
      if (!isPage && assetName === undefined) return;
      const text = (status: number, body: string, headers: Record<string, string> = {}) =>
        new fetchAPI.Response(body, {
          status,
          headers: {
            ...signingSecurityHeaders,
            "content-type": "text/plain; charset=utf-8",
            "cache-control": "no-store",
            ...headers,
          },
        });
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(text(405, "Method not allowed.\n", { allow: "GET, HEAD" }));
        return;
      }
      if (isPage) {
        const html = await files.html();
        endResponse(
          html
            ? fileResponse(fetchAPI, request, html, "no-store")
            : text(503, NOT_BUILT, { "retry-after": "60" }),
        );
        return;
      }
      const asset = await files.asset(assetName ?? "");
      endResponse(
        asset
          ? fileResponse(fetchAPI, request, asset, "public, max-age=31536000, immutable")
          : text(404, "No such asset.\n"),
      );
    },
  };
}

/** The file, gzipped when the client accepts it, with the security headers; HEAD gets no body. */
function fileResponse(
  fetchAPI: { Response: typeof Response },
  request: Request,
  file: PageFile,
  cacheControl: string,
): Response {
  const accepted = /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
  const gzip = accepted && file.gzipped !== undefined;
  const body = accepted && file.gzipped ? file.gzipped : file.body;
  return new fetchAPI.Response(request.method === "HEAD" ? null : (body as BodyInit), {
    status: 200,
    headers: {
      ...signingSecurityHeaders,
      "content-type": file.type,
      "cache-control": cacheControl,
      "content-length": String(body.byteLength),
      vary: "accept-encoding",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    },
  });
}
