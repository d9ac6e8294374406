import { findCommand } from "./commandDefinitions.ts";
import { type CommandText, parseCommandText } from "./parseCommandText.ts";

/** Telegram's deep-link payload: up to 64 of A–Z, a–z, 0–9, "_" and "-" (base64url fits exactly). */
const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A command as a `/start` payload, so a group's "/stake 100 luma" continues in the private chat as
 * the same command: base64url of "stake 100 luma". Undefined when it does not fit in 64 characters.
 */
export function encodeStartPayload(name: string, args: readonly string[]): string | undefined {
  const payload = Buffer.from([name, ...args].join(" "), "utf8").toString("base64url");
  return PAYLOAD.test(payload) ? payload : undefined;
}

/** The command a `/start` payload carries; undefined for anything else (a foreign or tampered payload). */
export function decodeStartPayload(payload: string): Extract<CommandText, { kind: "command" }> | undefined {
  if (!PAYLOAD.test(payload)) return undefined;
  const bytes = Buffer.from(payload, "base64url");
  // Only what encodeStartPayload makes: exact base64url of valid UTF-8, naming one of our commands.
  if (bytes.toString("base64url") !== payload) return undefined;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const command = parseCommandText(`/${text}`);
  if (command.kind !== "command" || command.name === "start" || !findCommand(command.name)) return undefined;
  return command;
}
