import type { PrismaClient } from "@luma-pulse/db";
import type { Plugin } from "graphql-yoga";
import QRCode from "qrcode";
import { signingPageUrl } from "./signingLinks.ts";
import { signingSecurityHeaders } from "./signingPageHeaders.ts";

/** `/sign/<id>/qr.png`; ids are base64url (see createIntent.ts), at most the column's 32 characters. */
const QR_PATH = /^\/sign\/([A-Za-z0-9_-]{1,32})\/qr\.png$/;

/** Large enough to scan from a laptop screen with a phone, small enough to stay a few kB. */
const QR_OPTIONS = { type: "png", errorCorrectionLevel: "M", margin: 2, width: 320 } as const;

/**
 * Serves the QR code (PNG) of an intent's signing page, for members who opened the link on a desktop
 * and sign with a phone. An unknown id gets a 404 and no image, so the route tells nothing a link
 * does not. The image of an id never changes, so browsers may keep it; `private`: the link is the
 * member's only key to the intent, no shared cache should hold it. Its answers carry the signing
 * page's security headers (CSP, nosniff, no-referrer, no framing), as everything under `/sign/` does.
 */
export function qrCodeRoute(context: { prisma: PrismaClient; signing: { publicUrl: string } }): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = QR_PATH.exec(url.pathname);
      if (!match || (request.method !== "GET" && request.method !== "HEAD")) return;
      const id = match[1] as string;
      const intent = await context.prisma.signingIntent.findUnique({ where: { id }, select: { id: true } });
      if (!intent) {
        endResponse(
          new fetchAPI.Response("No such signing request.\n", {
            status: 404,
            headers: {
              ...signingSecurityHeaders,
              "content-type": "text/plain; charset=utf-8",
              "cache-control": "no-store",
            },
          }),
        );
        return;
      }
      const png = await QRCode.toBuffer(signingPageUrl(context.signing.publicUrl, id), QR_OPTIONS);
      endResponse(
        new fetchAPI.Response(request.method === "HEAD" ? null : new Uint8Array(png), {
          headers: {
            ...signingSecurityHeaders,
            "content-type": "image/png",
            "content-length": String(png.length),
            "cache-control": "private, max-age=3600",
          },
        }),
      );
    },
  };
}
