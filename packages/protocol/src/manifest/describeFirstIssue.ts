import type { z } from "zod";

const MAX_PREVIEW_LENGTH = 60;

/**
 * One readable line for the first problem zod found, e.g.
 * `contracts.sora: expected a 0x-prefixed 20-byte address, got "0x12"`.
 * Needs the issues from a parse called with `reportInput: true`, so the bad value can be shown.
 */
export function describeFirstIssue(error: z.ZodError): { field: string; text: string } {
  const issue = error.issues[0];
  if (issue === undefined) return { field: "", text: "invalid" };
  const field = issue.path.map(String).join(".");
  const where = field === "" ? "the manifest" : field;
  const got = issue.input === undefined ? "but the field is missing" : `got ${preview(issue.input)}`;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : "";
  return { field, text: `${where}: ${issue.message}, ${got}${more}` };
}

function preview(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_PREVIEW_LENGTH ? `${text.slice(0, MAX_PREVIEW_LENGTH)}…` : text;
}
