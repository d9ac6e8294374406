import { type Hash, type PublicClient, type Transaction, TransactionNotFoundError } from "viem";

/**
 * How long a report waits for its transaction to reach the node: the page reports right after the
 * wallet sent it, and a wallet's own RPC may take a moment to pass it on to ours.
 */
export const SENT_TX_LOOKUP_MS = 5_000;
const LOOKUP_INTERVAL_MS = 250;

/**
 * The transaction `hash` as the node knows it (pending or mined), looking again for up to
 * `timeoutMs` while the node does not know it yet; undefined if it never shows up. Any other failure
 * (the node being away) is thrown: "not reachable" must not read as "no such transaction".
 */
export async function findSentTransaction(
  client: Pick<PublicClient, "getTransaction">,
  hash: Hash,
  timeoutMs: number = SENT_TX_LOOKUP_MS,
): Promise<Transaction | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await client.getTransaction({ hash });
    } catch (error) {
      if (!(error instanceof TransactionNotFoundError)) throw error;
    }
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, LOOKUP_INTERVAL_MS));
  }
}
