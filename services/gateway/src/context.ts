import type { PrismaClient } from "@luma-pulse/db";
import type { DeploymentManifest } from "@luma-pulse/protocol";
import type { PublicClient } from "viem";
import type { ChainHead } from "./chain/createChainHead.ts";
import type { EventFeed } from "./events/startEventFeed.ts";
import type { IndexerStatus } from "./indexer/index.ts";

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
};
