import { maskUrlsIn } from "./maskUrlsIn.ts";

/**
 * Why an RPC call failed, in a few words and without the URL (viem's full messages carry it, key and
 * all): the network error code (ECONNREFUSED, ENOTFOUND…), "no answer within N s", or the HTTP status.
 */
export function describeRpcFailure(error: unknown, timeoutMs: number): string {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause.name === "TimeoutError") return `no answer within ${timeoutMs / 1000} s`;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string") return code;
    const status = (cause as { status?: unknown }).status;
    if (typeof status === "number") return `HTTP ${status}`;
  }
  // A JSON-RPC error's short message is a sentence or two: its first line, URLs masked to be sure.
  if (error instanceof Error && "shortMessage" in error)
    return maskUrlsIn(String(error.shortMessage).split("\n")[0] ?? "");
  return "no JSON-RPC answer";
}
