/** The first line of an error (viem's short message when there is one), for a log line. */
export function describeError(error: unknown): string {
  if (error instanceof Error)
    return (("shortMessage" in error && String(error.shortMessage)) || error.message).split("\n")[0] ?? "";
  return String(error);
}
