import { getAddress, isAddress } from "viem";
import { builder } from "../builder.ts";
import { domainError } from "../errors/domainError.ts";

builder.scalarType("Address", {
  description: "A 20-byte EVM address, returned EIP-55 checksummed; input in any case.",
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== "string" || !isAddress(value, { strict: false })) {
      throw domainError("INVALID_ADDRESS", { value: String(value) });
    }
    return getAddress(value);
  },
});

builder.scalarType("DateTime", {
  description: "An instant as an ISO 8601 string in UTC.",
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw domainError("INVALID_DATE", { value: String(value) });
    return date;
  },
});

builder.scalarType("BigInt", {
  description: "An integer of any size as a decimal string (token amounts in base units, block numbers).",
  serialize: (value) => value.toString(),
  parseValue: (value) => {
    if (typeof value !== "string" || !/^-?(0|[1-9]\d*)$/.test(value)) {
      throw domainError("INVALID_INTEGER", { value: String(value) });
    }
    return BigInt(value);
  },
});
