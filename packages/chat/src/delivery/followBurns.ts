import type { PrismaClient } from "@luma-pulse/db";
import { createGatewayClient, type GatewayClient } from "../gateway/createGatewayClient.ts";
import { isGatewayError } from "../gateway/GatewayError.ts";
import type { DeliveryPlatform } from "./AlertSender.ts";
import { BEFORE_FIRST_BURN_ID, isBurnIdAfter } from "./burnIds.ts";
import { enqueueBurn } from "./enqueueBurn.ts";
import { getLatestBurnId } from "./getLatestBurnId.ts";
import { sleep } from "./sleep.ts";
import { subscribeBurns } from "./subscribeBurns.ts";

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * Where a stream's consumer resumes: its cursor; a new install's "now" (the newest burn, or before
 * every burn when there is none yet), saved at once so that burns mined while it is down before
 * the first new one are not skipped either. A cursor past the gateway's newest burn (the devnet was
 * reset) would wait, silently, for the chain to pass it: it resumes after the newest burn instead.
 */
async function resumePoint(
  prisma: PrismaClient,
  consumer: string,
  gateway: GatewayClient,
  signal: AbortSignal,
  log?: (msg: string, extra?: object) => void,
): Promise<string> {
  const cursor = await prisma.streamCursor.findUnique({ where: { consumer } });
  const latest = (await getLatestBurnId(gateway, signal)) ?? BEFORE_FIRST_BURN_ID;
  if (!cursor) {
    await prisma.streamCursor.create({ data: { consumer, lastEventId: latest } });
    return latest;
  }
  if (!isBurnIdAfter(cursor.lastEventId, latest)) return cursor.lastEventId;
  // Also when the gateway's answer is a block old: the burns after `latest` then come again, as no-ops.
  log?.("soraBurned: the cursor is past the newest burn (a devnet reset?); resuming after that burn", {
    cursorAt: cursor.lastEventId,
    latest,
  });
  await prisma.streamCursor.update({ where: { consumer }, data: { lastEventId: latest } });
  return latest;
}

/**
 * Follows the gateway's `soraBurned` subscription into the outbox of `platform`: each burn is
 * routed for every subscribed chat and written with the stream cursor in one transaction
 * ({@link enqueueBurn}), so a restart resumes right after the last stored burn, with nothing lost
 * or doubled. Reconnects on any error with backoff (1 s, doubling to 30 s, reset once connected).
 * Resolves when `signal` aborts.
 */
export async function followBurns(opts: {
  gatewayUrl: string;
  /** GATEWAY_API_KEY: the bot's own rate-limit budget at the gateway (`x-api-key`). */
  apiKey?: string;
  prisma: PrismaClient;
  platform: DeliveryPlatform;
  /** The cursor's name; default `<platform>:burns`. */
  consumer?: string;
  signal: AbortSignal;
  log?: (msg: string, extra?: object) => void;
}): Promise<void> {
  const { prisma, platform, signal } = opts;
  const consumer = opts.consumer ?? `${platform}:burns`;
  const gateway = createGatewayClient({ url: opts.gatewayUrl, apiKey: opts.apiKey });
  let retryMs = FIRST_RETRY_MS;
  while (!signal.aborted) {
    try {
      const after = await resumePoint(prisma, consumer, gateway, signal, opts.log);
      const burns = subscribeBurns({
        graphqlUrl: gateway.endpoint,
        apiKey: opts.apiKey,
        after,
        signal,
        onConnected: () => {
          retryMs = FIRST_RETRY_MS;
        },
      });
      for await (const burn of burns) {
        const queued = await enqueueBurn(prisma, { platform, consumer, burn, now: new Date() });
        opts.log?.("burn queued", { burnId: burn.id, deliveries: queued });
      }
      opts.log?.("soraBurned completed by the gateway: resubscribing");
    } catch (error) {
      if (signal.aborted) break;
      const refused = isGatewayError(error, "INVALID_EVENT_ID");
      opts.log?.(
        refused
          ? "soraBurned refused the cursor: starting again from the gateway's newest burn"
          : "soraBurned interrupted: resuming from the cursor",
        { error: error instanceof Error ? error.message : String(error), retryInMs: retryMs },
      );
      // None of the gateway's ids (its format changed, the row was edited): asking with it again cannot
      // help. Without a cursor the next try starts as a new install does.
      if (refused) await prisma.streamCursor.deleteMany({ where: { consumer } }).catch(() => undefined);
    }
    await sleep(retryMs, signal).catch(() => undefined);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }
}
