import { domainError } from "../errors/domainError.ts";

/** Most items one page of any connection returns; the cost limit is tuned for pages this size. */
export const MAX_PAGE_SIZE = 100;

/**
 * Checks a connection's `first`/`last` before anything is read: 1…`max`, else PAGE_SIZE_OUT_OF_RANGE
 * naming the argument. Returns the size (or `fallback` when the argument was not given).
 */
export function assertPageSize(
  value: number | null | undefined,
  {
    name = "first",
    max = MAX_PAGE_SIZE,
    fallback = 20,
  }: { name?: string; max?: number; fallback?: number } = {},
): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw domainError("PAGE_SIZE_OUT_OF_RANGE", { name, max, value });
  }
  return value;
}
