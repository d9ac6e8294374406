// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Sora} from "../tokens/Sora.sol";
import {ConstantProductPool} from "./ConstantProductPool.sol";

/// @notice The SORA/LUMA pool with SORA's two rules: SORA can only be bought with quota (earned by
///         option staking), and every sell burns the SORA sold instead of returning it to the reserve.
/// @dev token0 = SORA, token1 = LUMA. The fee buyback may buy without quota: its SORA is burned.
contract SoraLumaPool is ConstantProductPool, Ownable {
    using SafeERC20 for IERC20;

    Sora public immutable sora;
    address public buyback;
    mapping(address => bool) public isQuotaGranter;
    mapping(address => uint256) public quotaOf;

    error InsufficientQuota(address account, uint256 requested, uint256 available);
    error NotQuotaGranter(address caller);

    event QuotaGranted(address indexed account, uint256 amount, uint256 newQuota);
    event QuotaUsed(address indexed account, uint256 amount, uint256 remaining);
    event SoraSold(address indexed seller, uint256 soraBurned, uint256 lumaOut, address indexed to);
    event QuotaGranterSet(address indexed account, bool allowed);
    event BuybackSet(address indexed buyback);

    constructor(Sora sora_, IERC20 luma, address owner_)
        ConstantProductPool(IERC20(address(sora_)), luma, "Luma LP SORA/LUMA", "LP-SORA-LUMA")
        Ownable(owner_)
    {
        sora = sora_;
    }

    function setQuotaGranter(address account, bool allowed) external onlyOwner {
        isQuotaGranter[account] = allowed;
        emit QuotaGranterSet(account, allowed);
    }

    function setBuyback(address buyback_) external onlyOwner {
        buyback = buyback_;
        emit BuybackSet(buyback_);
    }

    /// @notice Adds `amount` SORA of buying right to `account` (called by option staking).
    function grantQuota(address account, uint256 amount) external {
        if (!isQuotaGranter[msg.sender]) revert NotQuotaGranter(msg.sender);
        uint256 newQuota = quotaOf[account] + amount;
        quotaOf[account] = newQuota;
        emit QuotaGranted(account, amount, newQuota);
    }

    /// @notice Buys (LUMA in) consume the buyer's quota; sells (SORA in) burn the SORA sold.
    function swapExactIn(address tokenIn, uint256 amountIn, uint256 minOut, address to)
        external
        override
        nonReentrant
        returns (uint256 amountOut)
    {
        if (tokenIn == address(sora)) return _sell(amountIn, minOut, to);
        if (msg.sender != buyback) {
            uint256 out = _checkedAmountOut(tokenIn, amountIn, minOut);
            uint256 available = quotaOf[msg.sender];
            if (out > available) revert InsufficientQuota(msg.sender, out, available);
            quotaOf[msg.sender] = available - out;
            emit QuotaUsed(msg.sender, out, available - out);
        }
        return _swap(tokenIn, amountIn, minOut, to);
    }

    /// @dev The seller is paid at the constant-product price, but the SORA never rejoins the
    ///      reserve: it is burned, so the SORA reserve stays and only the LUMA reserve shrinks.
    function _sell(uint256 amountIn, uint256 minOut, address to) private returns (uint256 lumaOut) {
        lumaOut = _checkedAmountOut(address(sora), amountIn, minOut);
        IERC20(address(sora)).safeTransferFrom(msg.sender, address(this), amountIn);
        sora.burn(amountIn, Sora.BurnReason.Sell);
        _setReserves(reserve0, reserve1 - lumaOut);
        token1.safeTransfer(to, lumaOut);
        emit Swap(msg.sender, address(sora), amountIn, lumaOut, to);
        emit SoraSold(msg.sender, amountIn, lumaOut, to);
    }
}
