import { getAddress, isAddress } from "viem";
import { type Eip1193Provider, PageError } from "./eip1193.ts";

/**
 * Asks the wallet for its accounts (`eth_requestAccounts`, the wallet's own connect prompt) and
 * picks `expected` when the wallet shares it, else the first. Checksummed.
 */
export async function requestAccount(provider: Eip1193Provider, expected?: string): Promise<string> {
  const answer = await provider.request({ method: "eth_requestAccounts" });
  const accounts = (Array.isArray(answer) ? answer : []).filter(
    (account): account is string => typeof account === "string" && isAddress(account, { strict: false }),
  );
  const match = expected && accounts.find((account) => account.toLowerCase() === expected.toLowerCase());
  const account = match || accounts[0];
  if (!account) throw new PageError({ key: "error.noAccount" });
  return getAddress(account);
}
