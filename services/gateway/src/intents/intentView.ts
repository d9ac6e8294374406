import type { IntentTransaction } from "@luma-pulse/db";
import type { YogaInitialContext } from "graphql-yoga";
import type { PlanStep, TransactionPlan } from "../actions/TransactionPlan.ts";
import type { Locale } from "../errors/domainErrorMessages.ts";
import { negotiateLocale } from "../errors/negotiateLocale.ts";
import type { IntentRecord } from "./IntentRecord.ts";
import { planFromJson } from "./planJson.ts";

/** One step of an intent as the API shows it: the planned call and the transaction reported for it. */
export type IntentStepView = { index: number; step: PlanStep; tx: IntentTransaction | undefined };

// A record is parsed once however many fields of it a query asks for.
const plans = new WeakMap<IntentRecord, TransactionPlan>();

/** The stored plan of an intent, with its bigints and dates back. */
export function planOf(intent: IntentRecord): TransactionPlan {
  let plan = plans.get(intent);
  if (!plan) {
    plan = planFromJson(intent.plan);
    plans.set(intent, plan);
  }
  return plan;
}

export function stepsOf(intent: IntentRecord): IntentStepView[] {
  return planOf(intent).steps.map((step, index) => ({
    index,
    step,
    tx: intent.transactions.find((tx) => tx.stepIndex === index),
  }));
}

/** The language of the request a resolver runs for (yoga puts the request into every context). */
export const requestLocale = (context: object): Locale =>
  negotiateLocale((context as Partial<YogaInitialContext>).request?.headers.get("accept-language"));
