import type { TransactionPlan } from "../actions/TransactionPlan.ts";

/**
 * A plan as stored in `SigningIntent.plan` (JSON): bigints as decimal strings, dates as ISO strings.
 * `planFromJson(planToJson(p))` equals `p`.
 */
export const planToJson = (plan: TransactionPlan) =>
  JSON.parse(
    JSON.stringify(plan, (_key, value) => (typeof value === "bigint" ? `${value}n` : value)),
  ) as object;

const BIGINT = /^(0|-?[1-9]\d*)n$/;
const DATE_KEYS = new Set(["releasesUntil"]);

export const planFromJson = (json: unknown): TransactionPlan =>
  JSON.parse(JSON.stringify(json), (key, value) => {
    if (typeof value === "string" && BIGINT.test(value)) return BigInt(value.slice(0, -1));
    if (DATE_KEYS.has(key) && typeof value === "string") return new Date(value);
    return value;
  }) as TransactionPlan;
