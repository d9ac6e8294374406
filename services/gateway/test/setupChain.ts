import { deferTeardown } from "../../../test/helpers/deferTeardown.ts";
import { startProtocolChain } from "./startProtocolChain.ts";

/** {@link startProtocolChain} for one test file: anvil stops after the file's tests. */
export async function setupChain() {
  const chain = await startProtocolChain();
  deferTeardown(() => chain.anvil.stop());
  return chain;
}
