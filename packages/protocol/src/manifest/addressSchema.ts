import { type Address, getAddress, isAddress } from "viem";
import { z } from "zod";

/**
 * An EVM address, normalised to its EIP-55 checksummed form. All-lowercase input is accepted;
 * mixed case must carry a valid checksum, because a wrong one usually means a typo.
 */
export const addressSchema = z
  .string({ error: "expected a 0x-prefixed 20-byte address" })
  .transform((value, context): Address => {
    if (!isAddress(value, { strict: false })) {
      context.issues.push({
        code: "custom",
        input: value,
        message: "expected a 0x-prefixed 20-byte address",
      });
      return z.NEVER;
    }
    if (!isAddress(value)) {
      context.issues.push({
        code: "custom",
        input: value,
        message: "expected a valid EIP-55 checksum (is there a typo in the address?)",
      });
      return z.NEVER;
    }
    return getAddress(value);
  });
