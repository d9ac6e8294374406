// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice Closed forms for rewards earned at a constant rate and each released linearly over
///         `period` from the moment it was earned (PROTOCOL.md, option staking).
/// @dev A stream earns `rateNum / rateDen` LUMA per second over [lo, hi]. At time t ≥ hi a reward
///      earned at s is vested by min(1, (t − s) / period), and releasing it early costs
///      `feeBps × remaining / period` of its unvested part, remaining = s + period − t. Integrating
///      over s gives exact polynomials in (lo, hi, t), so no per-tranche bookkeeping is needed.
///      `packages/protocol` mirrors these formulas in TypeScript; tests check they agree.
library ReleaseMath {
    uint256 internal constant BPS = 10_000;

    struct Stream {
        uint256 rateNum; // principal × dailyRateBps
        uint256 rateDen; // 10_000 × 86_400
        uint256 lo;
        uint256 hi;
        uint256 period;
    }

    /// @return earned all rewards of the stream
    /// @return vested the part released by time t
    /// @return fee the burn fee for taking the unvested part at time t
    function evaluate(Stream memory s, uint256 t, uint256 feeBps)
        internal
        pure
        returns (uint256 earned, uint256 vested, uint256 fee)
    {
        if (s.hi <= s.lo) return (0, 0, 0);
        uint256 p = s.period;
        // m: rewards earned before m are fully vested; those in (m, hi] are still releasing.
        uint256 m = t > p + s.lo ? t - p : s.lo;
        if (m > s.hi) m = s.hi;
        uint256 den = 2 * s.rateDen * p;
        earned = (s.rateNum * 2 * p * (s.hi - s.lo)) / den;
        uint256 vestedNum = 2 * p * (m - s.lo) + (t - m) ** 2 - (t - s.hi) ** 2;
        vested = (s.rateNum * vestedNum) / den;
        if (m < s.hi) {
            uint256 a = s.hi + p - t; // remaining time of the newest reward
            uint256 b = m + p - t; // remaining time of the oldest still-releasing reward
            fee = (feeBps * s.rateNum * (a ** 3 - b ** 3)) / (BPS * 3 * s.rateDen * p * p);
        }
        uint256 locked = earned - vested;
        if (fee > locked) fee = locked;
    }
}
