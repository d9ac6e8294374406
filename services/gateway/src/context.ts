import type { PrismaClient } from "@luma-pulse/db";
import type { DeploymentManifest } from "@luma-pulse/protocol";
import type { PublicClient } from "viem";
import type { IndexerStatus } from "./indexer/index.ts";

/** What every resolver may use; built once per gateway, shared by all requests. */
export type GatewayContext = {
  prisma: PrismaClient;
  client: PublicClient;
  manifest: DeploymentManifest;
  indexerStatus: () => IndexerStatus;
};
