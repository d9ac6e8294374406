import type { PrismaClient } from "@luma-pulse/db";

/** A step of a plan as stored in `SigningIntent.plan` (bigints as "123n" strings). */
export type StoredStep = {
  kind: "approve" | "action";
  call: { contract: string; functionName: string; args: string[] };
  to: string;
  data: string;
  value: string;
  gas: string;
};

/**
 * Rewrites the stored plan of an intent behind the gateway's back, as an attacker with write access
 * to the database (or a bug) would: `change` edits the steps in place.
 */
export async function tamperStoredSteps(
  prisma: PrismaClient,
  id: string,
  change: (steps: StoredStep[]) => void,
): Promise<void> {
  const row = await prisma.signingIntent.findUniqueOrThrow({ where: { id } });
  const plan = structuredClone(row.plan) as { steps: StoredStep[] };
  change(plan.steps);
  await prisma.signingIntent.update({ where: { id }, data: { plan } });
}

/** Moves an intent's expiry into the past, as if the member opened the link too late. */
export async function expireIntent(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.signingIntent.update({
    where: { id },
    data: { expiresAt: new Date(Date.now() - 60_000), createdAt: new Date(Date.now() - 16 * 60_000) },
  });
}

/** The id with one character changed: what a mistyped or forged link carries. */
export function tamperedId(id: string): string {
  const at = Math.floor(id.length / 2);
  const swapped = id[at] === "A" ? "B" : "A";
  return `${id.slice(0, at)}${swapped}${id.slice(at + 1)}`;
}
