// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @notice Uniswap-V2 style x·y=k pool with a 0.3% fee; the pool itself is the LP token.
/// @dev Kept minimal on purpose: exact-input swaps and liquidity adds are all the protocol needs
///      (protocol LP is locked forever, so there is no removal path).
contract ConstantProductPool is ERC20, ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint256 public constant FEE_BPS = 30;
    uint256 private constant BPS = 10_000;

    IERC20 public immutable token0;
    IERC20 public immutable token1;
    uint256 public reserve0;
    uint256 public reserve1;
    /// @notice Σ (token1 per token0, 1e18-scaled) × seconds, for time-weighted prices (as Uniswap V2).
    uint256 public price0CumulativeLast;
    uint256 public blockTimestampLast;

    error UnknownToken(address token);
    error ZeroAmount();
    error InsufficientOutput(uint256 amountOut, uint256 minOut);
    error InsufficientLiquidity();

    event Swap(
        address indexed sender, address indexed tokenIn, uint256 amountIn, uint256 amountOut, address indexed to
    );
    event LiquidityAdded(address indexed sender, uint256 amount0, uint256 amount1, uint256 liquidity, address indexed to);
    event Sync(uint256 reserve0, uint256 reserve1);

    constructor(IERC20 token0_, IERC20 token1_, string memory name_, string memory symbol_) ERC20(name_, symbol_) {
        token0 = token0_;
        token1 = token1_;
    }

    function getReserves() external view returns (uint256, uint256) {
        return (reserve0, reserve1);
    }

    /// @notice Output of an exact-input swap at the current reserves, after the 0.3% fee.
    function getAmountOut(address tokenIn, uint256 amountIn) public view returns (uint256) {
        (uint256 reserveIn, uint256 reserveOut) = _reservesFor(tokenIn);
        if (reserveIn == 0 || reserveOut == 0) revert InsufficientLiquidity();
        uint256 amountInWithFee = amountIn * (BPS - FEE_BPS);
        return (amountInWithFee * reserveOut) / (reserveIn * BPS + amountInWithFee);
    }

    /// @notice Value of `amountIn` in the other token at the spot price (no fee, no slippage).
    function quote(address tokenIn, uint256 amountIn) public view returns (uint256) {
        (uint256 reserveIn, uint256 reserveOut) = _reservesFor(tokenIn);
        if (reserveIn == 0) revert InsufficientLiquidity();
        return (amountIn * reserveOut) / reserveIn;
    }

    /// @notice Adds exactly `amount0` and `amount1`; LP tokens for the smaller side's share go to `to`.
    function addLiquidity(uint256 amount0, uint256 amount1, address to) external nonReentrant returns (uint256 liquidity) {
        if (amount0 == 0 || amount1 == 0) revert ZeroAmount();
        uint256 supply = totalSupply();
        liquidity = supply == 0
            ? Math.sqrt(amount0 * amount1)
            : Math.min((amount0 * supply) / reserve0, (amount1 * supply) / reserve1);
        if (liquidity == 0) revert InsufficientLiquidity();
        token0.safeTransferFrom(msg.sender, address(this), amount0);
        token1.safeTransferFrom(msg.sender, address(this), amount1);
        _setReserves(reserve0 + amount0, reserve1 + amount1);
        _mint(to, liquidity);
        emit LiquidityAdded(msg.sender, amount0, amount1, liquidity, to);
    }

    /// @notice Swaps exactly `amountIn` of `tokenIn` for at least `minOut` of the other token.
    function swapExactIn(address tokenIn, uint256 amountIn, uint256 minOut, address to)
        external
        virtual
        nonReentrant
        returns (uint256 amountOut)
    {
        return _swap(tokenIn, amountIn, minOut, to);
    }

    function _swap(address tokenIn, uint256 amountIn, uint256 minOut, address to) internal returns (uint256 amountOut) {
        amountOut = _checkedAmountOut(tokenIn, amountIn, minOut);
        IERC20(tokenIn).safeTransferFrom(msg.sender, address(this), amountIn);
        if (tokenIn == address(token0)) {
            _setReserves(reserve0 + amountIn, reserve1 - amountOut);
            token1.safeTransfer(to, amountOut);
        } else {
            _setReserves(reserve0 - amountOut, reserve1 + amountIn);
            token0.safeTransfer(to, amountOut);
        }
        emit Swap(msg.sender, tokenIn, amountIn, amountOut, to);
    }

    function _checkedAmountOut(address tokenIn, uint256 amountIn, uint256 minOut) internal view returns (uint256 out) {
        if (amountIn == 0) revert ZeroAmount();
        out = getAmountOut(tokenIn, amountIn);
        if (out == 0 || out < minOut) revert InsufficientOutput(out, minOut);
    }

    /// @notice The price accumulator as of now, including the time since the last reserve change.
    function currentPrice0Cumulative() external view returns (uint256 cumulative, uint256 timestamp) {
        cumulative = price0CumulativeLast;
        if (reserve0 > 0 && block.timestamp > blockTimestampLast) {
            cumulative += ((reserve1 * 1e18) / reserve0) * (block.timestamp - blockTimestampLast);
        }
        return (cumulative, block.timestamp);
    }

    function _setReserves(uint256 r0, uint256 r1) internal {
        // Accumulate the price that held since the last change, before the reserves move.
        if (reserve0 > 0 && block.timestamp > blockTimestampLast) {
            price0CumulativeLast += ((reserve1 * 1e18) / reserve0) * (block.timestamp - blockTimestampLast);
        }
        blockTimestampLast = block.timestamp;
        reserve0 = r0;
        reserve1 = r1;
        emit Sync(r0, r1);
    }

    function _reservesFor(address tokenIn) internal view returns (uint256 reserveIn, uint256 reserveOut) {
        if (tokenIn == address(token0)) return (reserve0, reserve1);
        if (tokenIn == address(token1)) return (reserve1, reserve0);
        revert UnknownToken(tokenIn);
    }
}
