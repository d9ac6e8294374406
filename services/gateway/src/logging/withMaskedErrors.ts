import type { Logger } from "@luma-pulse/ops";
import { stdSerializers } from "pino";
import { maskUrlsIn } from "../chainConfig/maskUrlsIn.ts";

/**
 * Fields of viem's errors that repeat the RPC URL (`url`) or the text around it (`details`, a
 * cause's message; `metaMessages`, "URL: …" among others): an RPC provider's API key is in that URL.
 */
const URL_BEARING_FIELDS = ["url", "details", "metaMessages"] as const;

/**
 * `logger` whose `err` field is safe to ship: pino's error serializer, then every URL in the
 * message and stack masked and viem's URL-bearing fields dropped, in the error and the errors it
 * carries. A log line is read by more people than the RPC key's owner; a masked URL still tells
 * which endpoint failed.
 */
export function withMaskedErrors(logger: Logger): Logger {
  return logger.child({}, { serializers: { err: serializeMaskedError } });
}

function serializeMaskedError(error: unknown): unknown {
  const serialized = stdSerializers.err(error as Error);
  if (serialized === error) return maskedCopy(error, new WeakSet()); // not an Error: masked as it is
  // pino's copy is fresh (safe to change); what it references is the caller's and is copied.
  const fields = serialized as unknown as Record<string, unknown>;
  const seen = new WeakSet<object>([fields]);
  for (const field of URL_BEARING_FIELDS) delete fields[field];
  for (const [key, value] of Object.entries(fields)) fields[key] = maskedCopy(value, seen);
  return fields;
}

/** `value` with URLs masked in its strings and without URL-bearing fields; a repeat is cut. */
function maskedCopy(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return maskUrlsIn(value);
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return "[Circular]"; // never the unmasked original
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => maskedCopy(item, seen));
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !(URL_BEARING_FIELDS as readonly string[]).includes(key))
      .map(([key, item]) => [key, maskedCopy(item, seen)]),
  );
}
