import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { maskDatabaseUrl } from "@luma-pulse/db";
import { createPubSub } from "graphql-yoga";
import { Redis } from "ioredis";

/** How long a starting replica waits for Redis before it gives up with a readable error. */
const REDIS_READY_TIMEOUT_MS = 5_000;

/**
 * "Blocks `from`..`to` of the chain are indexed": all a replica needs to read the new events from the
 * database. Decimal strings, because the message crosses Redis as JSON.
 */
export interface IndexTick {
  from: string;
  to: string;
}

/** Carries {@link IndexTick}s from the indexing replica (the leader) to every replica, itself included. */
export interface IndexBus {
  publish(tick: IndexTick): void;
  /** Ticks published from now on; `return()` on the iterator unsubscribes. */
  subscribe(): AsyncIterableIterator<IndexTick>;
  /** Resolves once ticks published from now on are sure to be heard (Redis: subscribed). */
  ready(): Promise<void>;
  close(): Promise<void>;
  /**
   * The Redis connections' state for /readyz: "ready", or the first other ioredis status
   * ("connecting", "reconnecting"…); undefined for the in-process bus.
   */
  redisStatus(): string | undefined;
}

/**
 * The tick bus: in-process without `redisUrl`; with it, Redis pub/sub on the channel
 * `<channelPrefix>indexed:<chainId>`, so that every replica on the same Redis hears the leader.
 * Ticks are tiny and carry no events: the database stays the source of truth, and a lost tick only
 * delays delivery (the next tick, or the feed's safety poll, covers its blocks).
 */
export function createIndexBus(options: {
  chainId: number;
  redisUrl?: string;
  channelPrefix?: string;
  log?: (message: string) => void;
}): IndexBus {
  const topic = `${options.channelPrefix ?? "luma-pulse:"}indexed:${options.chainId}`;
  if (options.redisUrl === undefined) {
    const pubSub = createPubSub<Record<string, [IndexTick]>>();
    return {
      publish: (tick) => pubSub.publish(topic, tick),
      subscribe: () => pubSub.subscribe(topic),
      ready: async () => {},
      close: async () => {},
      redisStatus: () => undefined,
    };
  }
  // A subscribed ioredis connection can only subscribe: publishing needs its own.
  // No per-command retry limit: a publish during a Redis restart waits for the reconnect.
  const redisOptions = { maxRetriesPerRequest: null };
  const publishClient = new Redis(options.redisUrl, redisOptions);
  // ioredis 5 races its connect handshake (CLIENT SETINFO, the INFO ready check) with a SUBSCRIBE sent
  // meanwhile, and the connection goes deaf for good (redis/ioredis#2037): the topology test caught a
  // replica whose subscribers only heard the safety poll. A subscriber connection needs neither.
  const subscribeClient = new Redis(options.redisUrl, {
    ...redisOptions,
    enableReadyCheck: false,
    disableClientInfo: true,
  });
  // ioredis reconnects (and resubscribes) by itself; say once that Redis is away, not every retry.
  const log = options.log ?? ((message: string) => console.log(message));
  for (const client of [publishClient, subscribeClient]) {
    let reported = false;
    client.on("error", (error: Error) => {
      if (!reported) log(`events: Redis unavailable, retrying: ${error.message}`);
      reported = true;
    });
    client.on("ready", () => {
      reported = false;
    });
  }
  const pubSub = createPubSub<Record<string, [IndexTick]>>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  });
  return {
    publish: (tick) => pubSub.publish(topic, tick),
    subscribe: () => pubSub.subscribe(topic),
    // SUBSCRIBE is idempotent; awaiting our own tells when the server has registered the channel.
    ready: async () => {
      let timer: NodeJS.Timeout | undefined;
      const unreachable = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const url = maskDatabaseUrl(options.redisUrl ?? "");
          reject(
            new Error(
              `Cannot reach Redis at ${url} within ${REDIS_READY_TIMEOUT_MS} ms. Start Redis or unset REDIS_URL.`,
            ),
          );
        }, REDIS_READY_TIMEOUT_MS);
      });
      try {
        await Promise.race([subscribeClient.subscribe(topic), unreachable]);
      } finally {
        clearTimeout(timer);
      }
    },
    redisStatus: () =>
      [publishClient.status, subscribeClient.status].find((status) => status !== "ready") ?? "ready",
    // disconnect, not quit: quit would wait for a Redis that may be away.
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
