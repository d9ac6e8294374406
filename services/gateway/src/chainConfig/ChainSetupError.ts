/** Why the gateway refused the chain settings at start. Stable: tests and scripts branch on it. */
export type ChainSetupErrorCode = "invalid-config" | "unreachable" | "wrong-chain" | "no-contract-code";

/**
 * A chain setting that cannot work (a bad variable, an RPC that does not answer or is on another
 * chain, a manifest for another network). The message says what is wrong and what to do, with RPC
 * URLs masked, so that `main.ts` prints it and exits before anything starts.
 */
export class ChainSetupError extends Error {
  override readonly name = "ChainSetupError";

  constructor(
    readonly code: ChainSetupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
