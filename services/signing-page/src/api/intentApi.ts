import type { Locale } from "../i18n/translate.ts";
import { INTENT_QUERY, REPORT_MUTATION } from "./documents.ts";
import { graphqlRequest } from "./graphqlRequest.ts";
import type { Deployment, SigningIntent } from "./types.ts";

/** The intent with its steps and outcome, and the deployment to check its steps against. */
export async function fetchIntent(id: string, locale: Locale) {
  const data = await graphqlRequest<{ intent: SigningIntent; protocol: Deployment }>(
    INTENT_QUERY,
    { id },
    { locale },
  );
  return { intent: data.intent, deployment: data.protocol };
}

/** Tells the gateway which transaction carries step `step`; it follows it to the chain. */
export async function reportIntentTransaction(id: string, step: number, txHash: string, locale: Locale) {
  const data = await graphqlRequest<{ reportIntentTransaction: SigningIntent }>(
    REPORT_MUTATION,
    { id, step, txHash },
    { locale },
  );
  return data.reportIntentTransaction;
}
