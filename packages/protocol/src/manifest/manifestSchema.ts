import { z } from "zod";
import { addressSchema } from "./addressSchema.ts";

const dateTime = z.iso
  .datetime({ offset: true, error: "expected an ISO 8601 date-time like 2025-12-14T00:00:00Z" })
  .transform((value) => new Date(value));

/**
 * The deployment manifest: which chain, where to reach it, and where every protocol contract
 * lives. The devnet writes one; a real deployment ships one. Parsing normalises it: `startBlock`
 * becomes a bigint, dates become `Date`s, addresses are checksummed.
 */
export const manifestSchema = z.object(
  {
    version: z.literal(1, { error: "expected 1 (the only manifest version this code reads)" }),
    chainId: z
      .number({ error: "expected a chain id (a positive integer)" })
      .int({ error: "expected a chain id (a positive integer)" })
      .positive({ error: "expected a chain id (a positive integer)" }),
    rpcUrl: z.url({ protocol: /^(https?|wss?)$/, error: "expected an http(s):// or ws(s):// URL" }),
    // A string, not a JSON number: block numbers are uint64 and JSON numbers lose precision.
    startBlock: z
      .string({ error: 'expected a block number as a decimal string, like "0"' })
      .regex(/^(0|[1-9]\d*)$/, { error: 'expected a block number as a decimal string, like "0"' })
      .transform((value) => BigInt(value)),
    deployedAt: dateTime,
    launchTime: dateTime,
    contracts: z.object(
      {
        pop: addressSchema,
        luma: addressSchema,
        sora: addressSchema,
        usdt: addressSchema,
        popLumaPool: addressSchema,
        soraLumaPool: addressSchema,
        lumaUsdtPool: addressSchema,
        optionStaking: addressSchema,
        rebaseStaking: addressSchema,
        feeBuyback: addressSchema,
        multicall3: addressSchema,
      },
      { error: "expected an object with the contract addresses" },
    ),
  },
  { error: "expected a JSON object" },
);

/** A validated deployment manifest, as {@link readManifest} returns it. */
export type DeploymentManifest = z.output<typeof manifestSchema>;

/** The manifest as stored in JSON (bigints and dates as strings). */
export type DeploymentManifestJson = z.input<typeof manifestSchema>;

/** The name of one protocol contract in a manifest, e.g. "sora". */
export type ContractName = keyof DeploymentManifest["contracts"];

/** Every contract a deployment has, in the manifest's order (the schema's own list, not a copy). */
export const CONTRACT_NAMES = Object.keys(manifestSchema.shape.contracts.shape) as readonly ContractName[];
