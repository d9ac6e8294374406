import type { PrismaClient } from "@luma-pulse/db";
import { Gauge, type Registry } from "prom-client";
import type { DeliveryPlatform } from "../delivery/AlertSender.ts";
import { metricOf } from "./metricOf.ts";
import { type AlertQueueState, readAlertQueue } from "./readAlertQueue.ts";

/** Per registry, the platforms whose outbox its gauges report, and the database each is read from. */
const watched = new WeakMap<Registry, Map<DeliveryPlatform, PrismaClient>>();

/**
 * Reports the outbox of `platform` on `registry`: `luma_alert_queue_depth{platform}` (rows waiting)
 * and `luma_alert_queue_oldest_age_seconds{platform}` (how long the oldest due row has waited). They
 * are read from the database when scraped, in one query for both, so several processes on one outbox
 * report the same figures. A scrape while the database is away shows no queue series instead of
 * failing the whole scrape. Returns how to stop reporting (the bot stops; its database closes).
 */
export function watchAlertQueue(options: {
  registry: Registry;
  prisma: PrismaClient;
  platform: DeliveryPlatform;
}): () => void {
  const { registry, prisma, platform } = options;
  let sources = watched.get(registry);
  if (!sources) {
    sources = new Map();
    watched.set(registry, sources);
  }
  const platforms = sources;
  let reading: Promise<AlertQueueState[]> | undefined;
  // Both gauges are collected in the same scrape: the second joins the first one's query.
  const read = () => {
    reading ??= readAll(platforms).finally(() => {
      reading = undefined;
    });
    return reading;
  };
  const gauge = (name: string, help: string, value: (state: AlertQueueState) => number) =>
    metricOf(
      registry,
      name,
      () =>
        new Gauge({
          name,
          help,
          labelNames: ["platform"] as const,
          registers: [registry],
          async collect() {
            this.reset();
            const states = await read().catch(() => []);
            for (const state of states) this.set({ platform: state.platform }, value(state));
          },
        }),
    );
  gauge(
    "luma_alert_queue_depth",
    "Alert outbox rows waiting to be sent (pending or being sent).",
    (state) => state.depth,
  );
  gauge(
    "luma_alert_queue_oldest_age_seconds",
    "How long the oldest due alert outbox row has been waiting (0 when none is due).",
    (state) => state.oldestAgeSeconds,
  );
  platforms.set(platform, prisma);
  return () => {
    if (platforms.get(platform) === prisma) platforms.delete(platform);
  };
}

/** One query per database (in `npm start` both bots share one). */
async function readAll(platforms: Map<DeliveryPlatform, PrismaClient>): Promise<AlertQueueState[]> {
  const byDatabase = new Map<PrismaClient, DeliveryPlatform[]>();
  for (const [platform, prisma] of platforms)
    byDatabase.set(prisma, [...(byDatabase.get(prisma) ?? []), platform]);
  const states = await Promise.all([...byDatabase].map(([prisma, served]) => readAlertQueue(prisma, served)));
  return states.flat();
}
