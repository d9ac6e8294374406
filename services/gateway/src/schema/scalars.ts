import { GraphQLError } from "graphql";
import { getAddress, isAddress } from "viem";
import { builder } from "../builder.ts";

const userInputError = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

builder.scalarType("Address", {
  description: "A 20-byte EVM address, returned EIP-55 checksummed; input in any case.",
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== "string" || !isAddress(value, { strict: false })) {
      throw userInputError(
        `"${String(value)}" is not an address (0x followed by 40 hex digits).`,
        "INVALID_ADDRESS",
      );
    }
    return getAddress(value);
  },
});

builder.scalarType("DateTime", {
  description: "An instant as an ISO 8601 string in UTC.",
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime()))
      throw userInputError(`"${String(value)}" is not an ISO 8601 date.`, "INVALID_DATE");
    return date;
  },
});

builder.scalarType("BigInt", {
  description: "An integer of any size as a decimal string (token amounts in base units, block numbers).",
  serialize: (value) => value.toString(),
  parseValue: (value) => {
    if (typeof value !== "string" || !/^-?(0|[1-9]\d*)$/.test(value)) {
      throw userInputError(
        `"${String(value)}" is not an integer written as a decimal string.`,
        "INVALID_INTEGER",
      );
    }
    return BigInt(value);
  },
});
