/** A devnet transaction that reverted, with the contract's decoded error name when known. */
export class TxRevertedError extends Error {
  override readonly name = "TxRevertedError";

  constructor(
    readonly functionName: string,
    /** The custom error's name (e.g. "NothingToClaim"), or undefined for an unknown revert. */
    readonly errorName: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * For `.catch(...)`: swallows a revert whose error is one of `errorNames` (an ordinary outcome,
 * like claiming when nothing is released yet) and rethrows anything else.
 */
export function ignoreReverts(...errorNames: string[]) {
  return (error: unknown): undefined => {
    if (error instanceof TxRevertedError && error.errorName && errorNames.includes(error.errorName))
      return undefined;
    throw error;
  };
}
