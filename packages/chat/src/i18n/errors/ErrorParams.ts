/** An error's `params` as the gateway sent them: read every value defensively. */
export type ErrorParams = Readonly<Record<string, unknown>>;

/** A wording of one error code from its params. */
export type ErrorWording = (params: ErrorParams) => string;

/** Inputs are echoed, but cut: a pasted wall of text must not become a wall of reply. */
const MAX_ECHO = 40;

/** `params[key]` as short text ("" when absent), for putting into a sentence. */
export function param(params: ErrorParams, key: string): string {
  const value = params[key];
  const text =
    typeof value === "string"
      ? value
      : typeof value === "number" || typeof value === "bigint"
        ? String(value)
        : "";
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;
}
