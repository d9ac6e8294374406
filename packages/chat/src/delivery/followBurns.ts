import type { PrismaClient } from "@luma-pulse/db";
import { createGatewayClient, type GatewayClient } from "../gateway/createGatewayClient.ts";
import type { DeliveryPlatform } from "./AlertSender.ts";
import { enqueueBurn } from "./enqueueBurn.ts";
import { getLatestBurnId } from "./getLatestBurnId.ts";
import { sleep } from "./sleep.ts";
import { subscribeBurns } from "./subscribeBurns.ts";

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** Where a stream's consumer resumes: its cursor, or a new install's "now" (the newest burn, saved). */
async function resumePoint(
  prisma: PrismaClient,
  consumer: string,
  gateway: GatewayClient,
  signal: AbortSignal,
): Promise<string | undefined> {
  const cursor = await prisma.streamCursor.findUnique({ where: { consumer } });
  if (cursor) return cursor.lastEventId;
  // A new install does not flood its chats with old burns. Saved at once, so that burns mined
  // while it is down before the first new one are not skipped either.
  const latest = await getLatestBurnId(gateway, signal);
  if (latest) await prisma.streamCursor.create({ data: { consumer, lastEventId: latest } });
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
      const after = await resumePoint(prisma, consumer, gateway, signal);
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
      opts.log?.("soraBurned interrupted: resuming from the cursor", {
        error: error instanceof Error ? error.message : String(error),
        retryInMs: retryMs,
      });
    }
    await sleep(retryMs, signal).catch(() => undefined);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }
}
