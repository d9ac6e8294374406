import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub } from "graphql-yoga";
import { Redis } from "ioredis";

/** "Intent `id` changed": subscribers re-read it from the database, the source of truth. */
type IntentChanged = { id: string };

/** Carries intent changes from whichever replica made them to the subscribers of every replica. */
export interface IntentUpdates {
  publish(id: string): void;
  /** Calls `onChange` whenever intent `id` changes; returns the unsubscribe function. */
  listen(id: string, onChange: () => void): () => void;
  /** Ends every listener's stream (they are told through `onClose`) and disconnects. */
  close(): Promise<void>;
  /** Registers a callback run once on close, e.g. to end a subscriber's stream. */
  onClose(callback: () => void): () => void;
}

/**
 * The intent-change bus, in the style of events/createIndexBus.ts: in-process without `redisUrl`;
 * with it, Redis pub/sub on `<channelPrefix>intent-updated:<chainId>`, so a report taken by one
 * replica or a confirmation written by the leader reaches subscribers on all of them. Messages carry
 * only the id: a lost one delays an update until the next change, it never corrupts one.
 */
export function createIntentUpdates(options: {
  chainId: number;
  redisUrl?: string;
  channelPrefix?: string;
  log?: (message: string) => void;
}): IntentUpdates {
  const topic = `${options.channelPrefix ?? "luma-pulse:"}intent-updated:${options.chainId}`;
  const clients = options.redisUrl === undefined ? [] : redisClients(options.redisUrl, options.log);
  const [publishClient, subscribeClient] = clients;
  const pubSub = createPubSub<Record<string, [IntentChanged]>>(
    publishClient && subscribeClient
      ? { eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) }
      : undefined,
  );
  const listeners = new Map<string, Set<() => void>>();
  const closers = new Set<() => void>();
  // One subscription per replica, fanned out here: a thousand watchers of intents cost one channel.
  const incoming = pubSub.subscribe(topic);
  void (async () => {
    for await (const { id } of incoming) for (const listener of [...(listeners.get(id) ?? [])]) listener();
  })().catch((error: unknown) => options.log?.(`intents: update bus stopped: ${(error as Error).message}`));

  return {
    publish: (id) => pubSub.publish(topic, { id }),
    listen(id, onChange) {
      const set = listeners.get(id) ?? new Set();
      listeners.set(id, set);
      set.add(onChange);
      return () => {
        set.delete(onChange);
        if (set.size === 0) listeners.delete(id);
      };
    },
    onClose(callback) {
      closers.add(callback);
      return () => closers.delete(callback);
    },
    async close() {
      for (const callback of [...closers]) callback();
      closers.clear();
      await incoming.return?.();
      for (const client of clients) client.disconnect();
    },
  };
}

/** A publishing and a subscribed connection (a subscribed ioredis connection can only subscribe). */
function redisClients(url: string, log?: (message: string) => void): Redis[] {
  const clients = [
    new Redis(url, { maxRetriesPerRequest: null }),
    // No connect handshake on the subscribed one: see createIndexBus (redis/ioredis#2037).
    new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: false, disableClientInfo: true }),
  ];
  for (const client of clients) {
    let reported = false;
    client.on("error", (error: Error) => {
      if (!reported) log?.(`intents: Redis unavailable, retrying: ${error.message}`);
      reported = true;
    });
    client.on("ready", () => {
      reported = false;
    });
  }
  return clients;
}
