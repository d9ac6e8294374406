/** What {@link startAnvil} passes through to the anvil command line. */
export interface AnvilFlags {
  port: number;
  host?: string;
  chainId?: number;
  timestamp?: bigint;
  accounts?: number;
  balanceEth?: number;
  mnemonic?: string;
  blockTime?: number;
  /** Chain state to load at start (must exist). */
  loadState?: string;
  /** Where anvil writes its state on exit and every 30 s. */
  dumpState?: string;
  silent?: boolean;
}

/**
 * The anvil command line for some options. A flag is passed only when its option is set, so
 * anvil's own defaults (chain 31337, 10 accounts of 10,000 ETH, the "test … junk" mnemonic,
 * automine) apply otherwise.
 */
export function anvilArguments(flags: AnvilFlags): string[] {
  const args = ["--port", String(flags.port)];
  const add = (flag: string, value: string | number | bigint | undefined) => {
    if (value !== undefined) args.push(flag, String(value));
  };
  add("--host", flags.host);
  add("--chain-id", flags.chainId);
  add("--timestamp", flags.timestamp);
  add("--accounts", flags.accounts);
  add("--balance", flags.balanceEth);
  add("--mnemonic", flags.mnemonic);
  add("--block-time", flags.blockTime);
  add("--load-state", flags.loadState);
  if (flags.dumpState !== undefined) args.push("--dump-state", flags.dumpState, "--state-interval", "30");
  // Anvil logs every RPC call to stdout by default: far too chatty for tests and `npm start`.
  if (flags.silent !== false) args.push("--quiet");
  return args;
}
