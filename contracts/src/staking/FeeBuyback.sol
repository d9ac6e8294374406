// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SoraLumaPool} from "../pools/SoraLumaPool.sol";
import {MintableToken} from "../tokens/MintableToken.sol";
import {Sora} from "../tokens/Sora.sol";
import {Parameterized} from "../utils/Parameterized.sol";

/// @notice Where every staking fee goes. Fees are not protocol income: `buybackShareBps` of each fee
///         waits here to buy SORA back from the pool and burn it; the rest is burned as LUMA at once.
contract FeeBuyback is Parameterized {
    using SafeERC20 for IERC20;

    uint256 private constant BPS = 10_000;

    MintableToken public immutable luma;
    Sora public immutable sora;
    SoraLumaPool public immutable pool;

    uint256 public buybackShareBps;
    uint256 public buybackThreshold;
    /// @notice LUMA set aside for the next buyback.
    uint256 public pendingBuyback;
    uint256 public totalLumaBurned;
    uint256 public totalSoraBoughtBack;

    error BelowThreshold(uint256 pending, uint256 threshold);

    event FeeCollected(address indexed source, uint256 amount, uint256 toBuyback, uint256 lumaBurned);
    event Buyback(address indexed caller, uint256 lumaIn, uint256 soraBurned);

    constructor(
        MintableToken luma_,
        Sora sora_,
        SoraLumaPool pool_,
        uint256 buybackShareBps_,
        uint256 buybackThreshold_,
        address owner_
    ) Parameterized(owner_) {
        luma = luma_;
        sora = sora_;
        pool = pool_;
        buybackShareBps = _inRange("buybackShareBps", buybackShareBps_, 0, BPS);
        buybackThreshold = _inRange("buybackThreshold", buybackThreshold_, 1 ether, 10_000_000 ether);
    }

    function setBuybackShareBps(uint256 value) external onlyOwner {
        buybackShareBps = _checked("buybackShareBps", buybackShareBps, value, 0, BPS);
    }

    function setBuybackThreshold(uint256 value) external onlyOwner {
        buybackThreshold = _checked("buybackThreshold", buybackThreshold, value, 1 ether, 10_000_000 ether);
    }

    /// @notice Pulls `amount` LUMA of fee from the caller and splits it (buyback / burn).
    /// @return toBuyback the part kept for the next buyback
    /// @return burned the part burned as LUMA now
    function depositFee(uint256 amount) external returns (uint256 toBuyback, uint256 burned) {
        IERC20(address(luma)).safeTransferFrom(msg.sender, address(this), amount);
        toBuyback = (amount * buybackShareBps) / BPS;
        burned = amount - toBuyback;
        pendingBuyback += toBuyback;
        if (burned > 0) {
            luma.burn(burned);
            totalLumaBurned += burned;
        }
        emit FeeCollected(msg.sender, amount, toBuyback, burned);
    }

    /// @notice Anyone may trigger the buyback once the pending LUMA reaches the threshold:
    ///         it buys SORA from the pool (no quota needed) and burns all of it.
    function buyback(uint256 minSoraOut) external returns (uint256 soraBurned) {
        uint256 lumaIn = pendingBuyback;
        if (lumaIn < buybackThreshold) revert BelowThreshold(lumaIn, buybackThreshold);
        pendingBuyback = 0;
        IERC20(address(luma)).forceApprove(address(pool), lumaIn);
        soraBurned = pool.swapExactIn(address(luma), lumaIn, minSoraOut, address(this));
        sora.burn(soraBurned, Sora.BurnReason.Buyback);
        totalSoraBoughtBack += soraBurned;
        emit Buyback(msg.sender, lumaIn, soraBurned);
    }
}
