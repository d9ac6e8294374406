import { getContractAddress } from "viem";
import type { DeploymentManifestJson } from "../../src/index.ts";

const DEPLOYER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"; // anvil account 0

/** Where anvil account 0's n-th deployment lands, as a devnet manifest would record it. */
const deployed = (nonce: number) => getContractAddress({ from: DEPLOYER, nonce: BigInt(nonce) });

/** A valid devnet manifest as it sits in JSON; tests break one field at a time. */
export function validManifestJson(): DeploymentManifestJson {
  return {
    version: 1,
    chainId: 31337,
    rpcUrl: "http://127.0.0.1:8545",
    startBlock: "0",
    deployedAt: "2025-12-14T00:05:00.000Z",
    launchTime: "2025-12-14T00:00:00.000Z",
    contracts: {
      pop: deployed(0),
      luma: deployed(1),
      sora: deployed(2),
      usdt: deployed(3),
      popLumaPool: deployed(4),
      soraLumaPool: deployed(5),
      lumaUsdtPool: deployed(6),
      optionStaking: deployed(7),
      rebaseStaking: deployed(8),
      feeBuyback: deployed(9),
      multicall3: "0xcA11bde05977b3631167028862bE2a173976CA11",
    },
  };
}
