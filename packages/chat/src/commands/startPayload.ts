import type { CommandName } from "./commandDefinitions.ts";
import type { CommandText } from "./parseCommandText.ts";

/** Telegram's deep-link payload: up to 64 of A–Z, a–z, 0–9, "_" and "-" (base64url fits exactly). */
const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The commands a group hands over to the private chat, by their code in a payload (append only: a
 * link posted before a change must keep meaning the same command). Each only shows something or
 * prepares a plan the user still has to sign; anyone may post a link, so a command that changes
 * something at one press (/unlink) is never carried.
 */
const HANDED_OVER: readonly CommandName[] = [
  "position",
  "stake",
  "unstake",
  "claim",
  "release",
  "buy_sora",
  "sell_sora",
  "link",
];

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
/** Arguments are words: one with a space in it is not something a command line splits into. */
const SPACE = /[\s\u3000]/u;
/** An argument's first byte: its length in UTF-8 bytes, or this marker for a 20-byte address. */
const ADDRESS_MARK = 0xff;
const MAX_WORD_BYTES = ADDRESS_MARK - 1;

/**
 * A command as a `/start` payload, so a group's "/stake 100 luma" continues in the private chat as
 * the same command. Compact, to fit Telegram's 64 characters: base64url of the command's code, then
 * each argument as its length and UTF-8 bytes, an address as its 20 bytes (`/position 0x…` takes
 * 28 characters). Undefined for a command not {@link HANDED_OVER}, or arguments too long to carry.
 */
export function encodeStartPayload(name: string, args: readonly string[]): string | undefined {
  const code = HANDED_OVER.indexOf(name as CommandName);
  if (code < 0) return undefined;
  const parts: Buffer[] = [Buffer.from([code])];
  for (const arg of args) {
    if (ADDRESS.test(arg)) {
      parts.push(Buffer.from([ADDRESS_MARK]), Buffer.from(arg.slice(2), "hex"));
      continue;
    }
    const bytes = Buffer.from(arg, "utf8");
    if (bytes.length === 0 || bytes.length > MAX_WORD_BYTES || SPACE.test(arg)) return undefined;
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  const payload = Buffer.concat(parts).toString("base64url");
  return PAYLOAD.test(payload) ? payload : undefined;
}

/**
 * The command a `/start` payload carries (an address comes back in lower case); undefined for
 * anything {@link encodeStartPayload} does not make: a foreign or tampered payload, or a command
 * that is not handed over.
 */
export function decodeStartPayload(payload: string): Extract<CommandText, { kind: "command" }> | undefined {
  if (!PAYLOAD.test(payload)) return undefined;
  const bytes = Buffer.from(payload, "base64url");
  const name = HANDED_OVER[bytes[0] ?? -1];
  if (name === undefined) return undefined;
  const args: string[] = [];
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  for (let at = 1; at < bytes.length; ) {
    const head = bytes[at] ?? 0;
    const size = head === ADDRESS_MARK ? 20 : head;
    const body = bytes.subarray(at + 1, at + 1 + size);
    if (size === 0 || body.length !== size) return undefined;
    try {
      args.push(head === ADDRESS_MARK ? `0x${body.toString("hex")}` : utf8.decode(body));
    } catch {
      return undefined;
    }
    at += 1 + size;
  }
  // Exactly what encodeStartPayload makes (no padding, other alphabets or odd arguments that decode the same).
  if (encodeStartPayload(name, args) !== payload) return undefined;
  return { kind: "command", name, args, mentioned: false };
}
