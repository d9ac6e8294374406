import { addressSchema, CONTRACT_NAMES, type DeploymentManifest } from "@luma-pulse/protocol";

type Contracts = DeploymentManifest["contracts"];

/**
 * Reads LUMA_CONTRACT_ADDRESSES, `pop=0x…,luma=0x…,…` with every contract of a manifest once.
 * Addresses are checksummed like a manifest's (all-lowercase accepted, a wrong checksum refused).
 *
 * @returns the addresses, or the first problem as a phrase for the variable's error line
 */
export function parseContractAddresses(text: string): { contracts: Contracts } | { problem: string } {
  const found = new Map<string, string>();
  for (const entry of text.split(",").map((part) => part.trim())) {
    if (entry === "") continue;
    const [name = "", address, ...extra] = entry.split("=").map((part) => part.trim());
    if (address === undefined || extra.length > 0)
      return { problem: `expected name=0x… pairs separated by commas, got "${entry}"` };
    if (!(CONTRACT_NAMES as readonly string[]).includes(name))
      return { problem: `unknown contract "${name}" (expected ${CONTRACT_NAMES.join(", ")})` };
    if (found.has(name)) return { problem: `${name} is given twice` };
    const parsed = addressSchema.safeParse(address);
    if (!parsed.success) return { problem: `${name}: ${parsed.error.issues[0]?.message}, got "${address}"` };
    found.set(name, parsed.data);
  }
  const missing = CONTRACT_NAMES.filter((name) => !found.has(name));
  if (missing.length > 0) return { problem: `missing ${missing.join(", ")}` };
  return { contracts: Object.fromEntries(found) as Contracts };
}
