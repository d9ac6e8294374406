import { maskUrlsIn } from "../chainConfig/maskUrlsIn.ts";

/**
 * The first line of an error (viem's short message when there is one), for a log line. URLs in it
 * are masked: viem's messages name the RPC URL, API key included.
 */
export function describeError(error: unknown): string {
  const text =
    error instanceof Error
      ? (("shortMessage" in error && String(error.shortMessage)) || error.message).split("\n")[0]
      : String(error);
  return maskUrlsIn(text ?? "");
}
