import type { AmountErrorCode } from "@luma-pulse/protocol";

/**
 * Why a command could not be taken as written, in data: views word it in the user's language and
 * add the command's usage line. Every echoed `value` is already cut to a short length.
 */
export type UsageProblem =
  | { code: "unknown_command"; name: string }
  | { code: "other_bot"; bot: string }
  | { code: "too_long"; max: number }
  | { code: "missing"; arg: string }
  | { code: "too_many"; extra: string }
  | { code: "amount"; reason: AmountErrorCode; value: string; symbol: string; decimals: number }
  | { code: "choice"; value: string; choices: readonly string[] }
  | { code: "address"; value: string }
  | { code: "position"; value: string }
  | { code: "alerts_setting"; value: string }
  | { code: "alerts_minutes"; value: string }
  | { code: "alerts_quiet_hours"; value: string }
  | { code: "alerts_zone"; value: string };

/** Echoed input is cut to this many characters: a pasted wall of text must not come back. */
export const MAX_ECHO_LENGTH = 32;

/** `value` cut for echoing. */
export const echo = (value: string): string =>
  value.length > MAX_ECHO_LENGTH ? `${value.slice(0, MAX_ECHO_LENGTH)}…` : value;
