/**
 * Slippage tolerance of the bounds written into a call (minPrincipal, minOut, maxFee), in basis
 * points of the simulated result. A plan is signed a minute or so after it was simulated, while
 * other members trade in the same pools and fees move with time: 1% lets ordinary drift through,
 * and still refuses a price pushed against the member (a sandwich) by more than that.
 */
export const SLIPPAGE_TOLERANCE_BPS = 100n;

/**
 * Headroom on each step's simulated gas, in percent. The protocol's gas depends on when a call is
 * mined: epochs that came due meanwhile are applied by stake/unstake, the POP price oracle refreshes
 * every 30 minutes, a fee may be due or not; and a bound is written into the call after the
 * simulation (a few calldata bytes). Half again as much covers those (the devnet's writes use the
 * same margin); unused gas is not charged.
 */
export const GAS_HEADROOM_PERCENT = 50n;

const BPS = 10_000n;

/** The least a member accepts to receive: the simulated amount less the tolerance (rounded down). */
export const minReceived = (simulated: bigint) => (simulated * (BPS - SLIPPAGE_TOLERANCE_BPS)) / BPS;

/** The most a member accepts to pay as a fee: the simulated fee plus the tolerance (rounded up). */
export const maxFee = (simulated: bigint) => (simulated * (BPS + SLIPPAGE_TOLERANCE_BPS) + BPS - 1n) / BPS;

/** A step's gas limit from what the simulation used. */
export const gasLimit = (simulatedGas: bigint) => (simulatedGas * (100n + GAS_HEADROOM_PERCENT)) / 100n;
