import { isIPv6 } from "node:net";

/** The first 64 bits of an IPv6 address: one subscriber usually holds a whole /64. */
function ipv6Prefix64(address: string): string {
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group || "0", 16).toString(16))
    .join(":")}::/64`;
}

/** One rate-limit bucket per client: IPv4 as is (also when IPv4-mapped), IPv6 by its /64. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  if (mapped?.[1]) return mapped[1];
  return isIPv6(trimmed) ? ipv6Prefix64(trimmed) : trimmed;
}

/**
 * The client's address for rate limiting. Without trusted proxies, the socket's peer; behind
 * `trustProxyHops` proxies, the `X-Forwarded-For` entry the outermost trusted proxy appended (the
 * ones left of it are the client's to forge). `undefined` when neither is known (in-process fetch).
 */
export function clientAddress(
  request: Request,
  socketAddress: string | undefined,
  trustProxyHops: number,
): string | undefined {
  if (trustProxyHops > 0) {
    const forwarded = (request.headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const entry = forwarded[forwarded.length - trustProxyHops];
    if (entry) return normalizeAddress(entry);
  }
  return socketAddress ? normalizeAddress(socketAddress) : undefined;
}
