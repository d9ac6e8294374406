import SchemaBuilder from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import RelayPlugin from "@pothos/plugin-relay";
import type { Address } from "viem";
import type { GatewayContext } from "./context.ts";

/**
 * The Pothos builder: plugins and scalar typings only. Types and their query fields live in
 * `schema/<domain>.ts`; `schema/index.ts` imports them all and builds the schema.
 */
export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  DefaultFieldNullability: false;
  Scalars: {
    Address: { Input: Address; Output: Address };
    DateTime: { Input: Date; Output: Date };
    /** Integers beyond 2^53 (token amounts, block numbers) as decimal strings. */
    BigInt: { Input: bigint; Output: bigint };
  };
}>({
  defaultFieldNullability: false,
  plugins: [RelayPlugin, DataloaderPlugin],
  relay: {
    // Cursors are opaque strings of our own (block + log index); no global Node ids are exposed.
    clientMutationId: "omit",
    cursorType: "String",
  },
});

builder.queryType({});
builder.mutationType({});
