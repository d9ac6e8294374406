import type { GatewayContext } from "../context.ts";

/** What building a plan needs: the chain (read at its latest block) and where the contracts are. */
export type PlanChain = Pick<GatewayContext, "client" | "manifest">;
