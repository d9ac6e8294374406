import { domainError } from "../errors/domainError.ts";
import type { EventPosition } from "./EventPosition.ts";

/** Which stream an id belongs to: an id of one stream is not a resume point of another. */
export type EventStreamName = "burn" | "rebase" | "stake";

const ID_PATTERN = /^(burn|rebase|stake):(0|[1-9]\d{0,19}):(0|[1-9]\d{0,9})$/;

/**
 * The opaque id a subscriber gets with each event and passes back as `after` to resume: base64url
 * of stream, block number and log index (ordered by the last two; clients should not parse it).
 */
export function encodeEventId(stream: EventStreamName, position: EventPosition): string {
  return Buffer.from(`${stream}:${position.blockNumber}:${position.logIndex}`).toString("base64url");
}

/**
 * The position an id from {@link encodeEventId} stands for. Anything else, or an id of another
 * stream, throws INVALID_EVENT_ID: resuming from a guess could skip or repeat events silently.
 */
export function decodeEventId(stream: EventStreamName, id: string): EventPosition {
  const match = ID_PATTERN.exec(Buffer.from(id, "base64url").toString("utf8"));
  const position =
    match?.[1] === stream ? { blockNumber: BigInt(match[2] ?? ""), logIndex: Number(match[3]) } : undefined;
  // Re-encoding rejects look-alikes (padding, other alphabets) that decode to the same text.
  if (!position || position.logIndex > 2 ** 31 - 1 || encodeEventId(stream, position) !== id) {
    throw domainError("INVALID_EVENT_ID", { value: id });
  }
  return position;
}
