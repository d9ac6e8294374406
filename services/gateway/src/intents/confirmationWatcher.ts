import type { PrismaClient } from "@luma-pulse/db";
import type { PublicClient } from "viem";
import type { ChainHead } from "../chain/createChainHead.ts";
import { describeError } from "../indexer/describeError.ts";
import { type CheckDeps, checkIntentTransactions } from "./checkIntentTransactions.ts";
import { REORG_WATCH_DEPTH } from "./confirmationRules.ts";
import { findIntent, withTransactions } from "./IntentRecord.ts";

/** How often the watcher looks for a new head (it reads the replica's chain head: no extra RPC). */
const DEFAULT_POLL_MS = 250;
/** Even without a new block, open reports are looked at this often (a quiet chain still drops unseen hashes). */
const DEFAULT_IDLE_RECHECK_MS = 10_000;

export type ConfirmationWatcherOptions = {
  prisma: PrismaClient;
  client: PublicClient;
  chainId: number;
  chainHead: Pick<ChainHead, "current">;
  /**
   * Whether this replica follows the chain for everyone (the indexer leader). Writes are conditional
   * either way (see checkIntentTransactions), so this only saves the other replicas the RPC calls.
   */
  isLeader: () => boolean;
  /** Called with the id of every intent that changed (the intent-update bus). */
  onChange: (id: string) => void;
  pollIntervalMs?: number;
  idleRecheckMs?: number;
  notSeenTimeoutMs?: number;
  log?: (message: string) => void;
};

export interface ConfirmationWatcher {
  /** Looks at intent `id` now (after a report), whichever replica this is. */
  checkIntent(id: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Follows every reported transaction to its end: on each new block, the intents with a pending
 * transaction, a recently mined one (until {@link REORG_WATCH_DEPTH} confirmations, for reorgs), or
 * a settled transaction whose intent is not yet settled (a crash between two writes) are checked
 * against the chain. All of it lives in the database, so a restarted gateway resumes where it was.
 * When nothing is open a tick costs one indexed query.
 */
export function startConfirmationWatcher(options: ConfirmationWatcherOptions): ConfirmationWatcher {
  const { prisma, chainId } = options;
  const log = options.log ?? console.log;
  const pollMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
  const idleRecheckMs = options.idleRecheckMs ?? DEFAULT_IDLE_RECHECK_MS;
  const deps: CheckDeps = { prisma, client: options.client, notSeenTimeoutMs: options.notSeenTimeoutMs };
  let lastHash: string | undefined;
  let lastTickAt = 0;
  let failing = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function head() {
    return (await options.chainHead.current()).block;
  }

  async function check(id: string, head: bigint) {
    const intent = await findIntent(prisma, id);
    if (intent && (await checkIntentTransactions(deps, intent, head))) options.onChange(id);
  }

  async function tick() {
    const block = await head();
    const due = Date.now() - lastTickAt >= idleRecheckMs;
    if (block.hash === lastHash && !due) return;
    lastHash = block.hash;
    lastTickAt = Date.now();
    const open = await prisma.signingIntent.findMany({
      where: {
        chainId,
        status: { in: ["submitted", "confirmed"] },
        transactions: {
          some: {
            OR: [
              { status: "pending" },
              { status: "mined", blockNumber: { gt: block.number - REORG_WATCH_DEPTH } },
              { status: { in: ["reverted", "mismatched", "dropped"] } },
            ],
          },
        },
      },
      include: withTransactions,
    });
    for (const intent of open) {
      if (stopped) return;
      if (await checkIntentTransactions(deps, intent, block.number)) options.onChange(intent.id);
    }
  }

  function loop() {
    if (stopped) return;
    running = (options.isLeader() ? tick() : Promise.resolve()).then(
      () => {
        if (failing) log("intents: confirmation watcher runs again");
        failing = false;
      },
      (error: unknown) => {
        // Once per outage: the chain or the database being away is retried at the next poll.
        if (!failing) log(`intents: confirmation check failed: ${describeError(error)}`);
        failing = true;
      },
    );
    void running.then(() => {
      if (!stopped) timer = setTimeout(loop, pollMs);
    });
  }
  loop();

  return {
    async checkIntent(id) {
      const block = await head();
      await check(id, block.number);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
