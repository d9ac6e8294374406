import {
  createSiweMessage,
  parseSiweMessage,
  SiweInvalidMessageFieldError,
  type SiweMessage,
} from "viem/siwe";
import { domainError } from "../errors/domainError.ts";
import { MAX_SIWE_MESSAGE_LENGTH } from "./walletLinkSettings.ts";

/** The fields EIP-4361 requires, by the label the message text gives them (what a member can find). */
const REQUIRED_FIELDS = {
  domain: "domain",
  address: "address",
  uri: "URI",
  version: "Version",
  chainId: "Chain ID",
  nonce: "Nonce",
  issuedAt: "Issued At",
} as const;
const DATE_FIELDS = {
  issuedAt: "Issued At",
  expirationTime: "Expiration Time",
  notBefore: "Not Before",
} as const;

const invalid = (field: string) => domainError("INVALID_SIWE_MESSAGE", { field });

/** The field viem's formatter refused, by the name viem gives it. */
const refusedField = (error: unknown) =>
  error instanceof SiweInvalidMessageFieldError ? /field "(\w+)"/.exec(error.message)?.[1] : undefined;

/**
 * The fields of a signed EIP-4361 message, or INVALID_SIWE_MESSAGE naming what is wrong. The text
 * must be exactly what `createSiweMessage` writes for those fields: viem's parser is lenient (its
 * field patterns are not anchored to the end), and a member must have seen, in their wallet, the
 * very fields that are checked — not extra lines in between.
 */
export function parseSignedSiweMessage(message: string): SiweMessage {
  if (message.length > MAX_SIWE_MESSAGE_LENGTH) throw invalid("length");
  const parsed = parseSiweMessage(message);
  for (const [key, label] of Object.entries(REQUIRED_FIELDS)) {
    if (parsed[key as keyof typeof REQUIRED_FIELDS] === undefined) throw invalid(label);
  }
  for (const [key, label] of Object.entries(DATE_FIELDS)) {
    const date = parsed[key as keyof typeof DATE_FIELDS];
    if (date && Number.isNaN(date.getTime())) throw invalid(label);
  }
  if (parsed.version !== "1") throw invalid("Version");
  const fields = parsed as SiweMessage;
  let canonical: string;
  try {
    canonical = createSiweMessage(fields);
  } catch (error) {
    throw invalid(refusedField(error) ?? "format");
  }
  if (canonical !== message) throw invalid("format");
  return fields;
}
