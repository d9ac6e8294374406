import type { IntentTransaction, PrismaClient, SigningIntent } from "@luma-pulse/db";
import { domainError } from "../errors/domainError.ts";

/** A signing intent with the transactions reported for its steps (by step index): what the API shows. */
export type IntentRecord = SigningIntent & { transactions: IntentTransaction[] };

/** Include clause that loads an intent's reported transactions in step order. */
export const withTransactions = { transactions: { orderBy: { stepIndex: "asc" } } } as const;

/** The intent `id` with its transactions, or undefined when there is none. */
export async function findIntent(prisma: PrismaClient, id: string): Promise<IntentRecord | undefined> {
  return (await prisma.signingIntent.findUnique({ where: { id }, include: withTransactions })) ?? undefined;
}

/** The intent `id`, or an UNKNOWN_INTENT error. */
export async function requireIntent(prisma: PrismaClient, id: string): Promise<IntentRecord> {
  const intent = await findIntent(prisma, id);
  if (!intent) throw domainError("UNKNOWN_INTENT", { id });
  return intent;
}
