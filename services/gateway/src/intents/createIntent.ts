import { randomBytes, randomInt } from "node:crypto";
import type { PrismaClient } from "@luma-pulse/db";
import type { TransactionPlan } from "../actions/TransactionPlan.ts";
import { type IntentRecord, withTransactions } from "./IntentRecord.ts";
import { planToJson } from "./planJson.ts";

/** Crockford-style alphabet without look-alikes (no 0/O, 1/I/L), easy to compare by eye. */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A short code the bot and the page both show ("K7P-4QX"), so a member knows they opened their link. */
export const verificationCode = () => {
  const pick = () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${pick()}${pick()}${pick()}-${pick()}${pick()}${pick()}`;
};

/** 128 random bits, base64url (22 characters): the only thing a signing link carries. */
export const newIntentId = () => randomBytes(16).toString("base64url");

/**
 * Stores a built plan as a signing intent that can be signed until `now + ttlMs`, once. Returns it as
 * `SigningIntent` resolves it (with its, still empty, transactions), so a plan mutation returns it as is.
 */
export async function createIntent(
  prisma: PrismaClient,
  plan: TransactionPlan,
  { ttlMs, now = new Date() }: { ttlMs: number; now?: Date },
): Promise<IntentRecord> {
  return prisma.signingIntent.create({
    data: {
      id: newIntentId(),
      chainId: plan.chainId,
      account: plan.account.toLowerCase(),
      action: plan.action,
      plan: planToJson(plan),
      verificationCode: verificationCode(),
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttlMs),
    },
    include: withTransactions,
  });
}
