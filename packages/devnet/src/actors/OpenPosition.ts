import type { Address } from "viem";

/** An option-staking position as the seed and the simulator track it. */
export type OpenPosition = { id: bigint; owner: Address; popAmount: bigint };
