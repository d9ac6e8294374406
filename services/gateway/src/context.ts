import type { PrismaClient } from "@luma-pulse/db";
import type { DeploymentManifest } from "@luma-pulse/protocol";
import type { PublicClient } from "viem";
import type { ChainHead } from "./chain/createChainHead.ts";
import type { EventFeed } from "./events/startEventFeed.ts";
import type { IndexerStatus } from "./indexer/index.ts";
import type { IntentUpdates } from "./intents/intentUpdates.ts";

/** What every resolver may use; built once per gateway, shared by all requests. */
export type GatewayContext = {
  prisma: PrismaClient;
  client: PublicClient;
  manifest: DeploymentManifest;
  indexerStatus: () => IndexerStatus;
  /**
   * The replica's chain head and the reads shared at it: `(await chainHead.current()).chain(key, load)`
   * loads `key` once per block for all requests (see chain/createChainHead.ts).
   */
  chainHead: ChainHead;
  /** The replica's live protocol events for subscriptions (see events/startEventFeed.ts). */
  events: EventFeed;
  /** Signing links and wallet linking (issue 4). */
  signing: {
    /** Public origin for links and the SIWE domain, without a trailing slash. */
    publicUrl: string;
    intentTtlMs: number;
    /** The bots' shared secret; undefined: mutations for chat users refuse. */
    serviceToken: string | undefined;
    /** PUBLIC_RPC_URL: the RPC URL wallets may be given (see intents/publicChain.ts). */
    publicRpcUrl: string | undefined;
    /** PUBLIC_CHAIN_NAME: the chain's name in wallets; undefined: a known name, else "Chain <id>". */
    publicChainName: string | undefined;
  };
  /** Signing intents: change notifications for subscribers, and an on-demand confirmation check. */
  intents: {
    updates: IntentUpdates;
    /** Looks at the chain for intent `id`'s reported transactions now, rather than at the next block. */
    checkIntent(id: string): Promise<void>;
  };
};
