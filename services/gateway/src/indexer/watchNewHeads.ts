import { createPublicClient, type Hex, hexToBigInt, webSocket } from "viem";
import { maskRpcUrl } from "../chainConfig/maskRpcUrl.ts";
import { describeError } from "./describeError.ts";

/** A live `eth_subscribe("newHeads")`. */
export interface HeadWatch {
  /** True while the subscription delivers; false after an error until the next head arrives. */
  live(): boolean;
  /** Unsubscribes; closes the socket when no other watch in the process uses it. */
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 1_000;
/** Wait before subscribing again after a failure (the caller polls meanwhile). */
const RESUBSCRIBE_DELAY_MS = 1_000;

/** Watches per URL: viem shares one socket per URL, so the last watch to stop closes it. */
const watchers = new Map<string, number>();
/**
 * A socket being closed, by URL: a watch started meanwhile waits for it, or it would subscribe
 * on the closing socket (viem still hands it out until close() runs) and die at once.
 */
const closings = new Map<string, Promise<void>>();

/**
 * Calls `onHead` for every new block the node at `url` announces over WebSocket (anvil serves it on
 * its http port). Push instead of polling: the indexer sees a block within milliseconds without
 * asking the node every few hundred. After any failure — a dropped socket, or one closed before
 * the node confirmed the subscription, which viem would not re-subscribe — it subscribes again
 * a second later; while it is down `live()` is false, so the caller polls instead.
 */
export function watchNewHeads(options: {
  url: string;
  onHead: (blockNumber: bigint) => void;
  /**
   * Called each time the subscription is (re)established: blocks mined while it was being set up
   * or was down pushed nothing, so the caller should sync once.
   */
  onSubscribed?: () => void;
  log: (message: string) => void;
}): HeadWatch {
  const { url, log } = options;
  const client = createPublicClient({
    transport: webSocket(url, { reconnect: { attempts: 10, delay: 1_000 }, retryCount: 0 }),
  });
  watchers.set(url, (watchers.get(url) ?? 0) + 1);
  let live = false;
  let reported = false;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let subscription: Promise<{ unsubscribe: () => Promise<unknown> } | undefined>;

  const failed = (error: unknown) => {
    live = false;
    if (!reported)
      log(
        `indexer: new-head subscription at ${maskRpcUrl(url)} failed, polling instead: ${describeError(error)}`,
      );
    reported = true;
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (!stopped) subscribe();
    }, RESUBSCRIBE_DELAY_MS);
    retryTimer.unref?.();
  };
  // The transport's own eth_subscribe (what watchBlockNumber uses), so that a confirmed
  // subscription counts as live before the first head arrives.
  const subscribe = () => {
    subscription = (closings.get(url) ?? Promise.resolve())
      .then(() =>
        client.transport.subscribe({
          params: ["newHeads"],
          onData: (data: { result?: { number?: Hex } }) => {
            live = true;
            reported = false;
            const number = data.result?.number;
            if (number) options.onHead(hexToBigInt(number));
          },
          onError: failed,
        }),
      )
      .then((subscribed) => {
        live = true;
        options.onSubscribed?.();
        return subscribed;
      })
      .catch((error: unknown) => {
        failed(error);
        return undefined;
      });
  };
  subscribe();
  let stopping: Promise<void> | undefined;
  return {
    live: () => live,
    stop() {
      stopping ??= (async () => {
        stopped = true;
        clearTimeout(retryTimer);
        live = false;
        // Bounded: on a dead socket neither the unsubscribe nor the client would ever answer.
        await within(
          subscription.then((subscribed) => subscribed?.unsubscribe()),
          STOP_TIMEOUT_MS,
        );
        const left = (watchers.get(url) ?? 1) - 1;
        if (left > 0) watchers.set(url, left);
        else {
          watchers.delete(url);
          const closing = (async () => {
            (await within(client.transport.getRpcClient(), STOP_TIMEOUT_MS))?.close();
          })();
          closings.set(url, closing);
          await closing;
          if (closings.get(url) === closing) closings.delete(url);
        }
      })();
      return stopping;
    },
  };
}

/** The WebSocket URL a node serves next to its http one (anvil, geth with --ws on the same port). */
export function webSocketUrlOf(httpUrl: string): string {
  return httpUrl.replace(/^http(s?):/, "ws$1:");
}

/** `promise`'s value, or undefined when it fails or takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
