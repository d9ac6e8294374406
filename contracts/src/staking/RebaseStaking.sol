// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {MintableToken} from "../tokens/MintableToken.sol";
import {Parameterized} from "../utils/Parameterized.sol";
import {FeeBuyback} from "./FeeBuyback.sol";

/// @notice Rebase staking of LUMA (单币质押): staking mints sLUMA 1:1 at the current index, and every
///         epoch the index grows by `rebaseRateBps`, backed by newly minted LUMA. Unstaking pays
///         `claimFeeBps`, split like every fee into SORA buyback and LUMA burn.
/// @dev Balances are shares × index. The index is computed in closed form,
///      baseIndex × (1 + rate)^(epoch − baseEpoch), with ray-precision exponentiation, so it does not
///      drift by a rounding per epoch; a rate change starts a new base.
///      sLUMA is not transferable: it is a receipt, and its only exit is `unstake`.
contract RebaseStaking is Parameterized, ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint256 private constant BPS = 10_000;
    uint256 private constant RAY = 1e27;
    uint256 private constant SHARE_SCALE = 1e36;
    uint256 public constant MAX_EPOCHS_PER_REBASE = 256;
    /// @dev The closed form restarts from the current index this often, which keeps (1 + rate)^n
    ///      far from overflowing at the highest allowed rate.
    uint256 private constant REBASE_BASE_EVERY = 4_096;

    string public constant name = "Staked LUMA";
    string public constant symbol = "sLUMA";
    uint8 public constant decimals = 18;

    MintableToken public immutable luma;
    FeeBuyback public immutable feeBuyback;

    uint256 public epochLength;
    uint256 public rebaseRateBps;
    uint256 public claimFeeBps;

    uint256 public epoch;
    uint256 public nextRebaseTime;
    /// @notice sLUMA per share-unit, 1e18 = 1.0 at launch.
    uint256 public index = 1e18;
    uint256 public baseIndex = 1e18;
    uint256 public baseEpoch;

    uint256 public totalShares;
    mapping(address => uint256) public sharesOf;

    error ZeroAmount();
    error TooEarly(uint256 nextRebaseTime);
    error InsufficientBalance(uint256 balance, uint256 requested);
    /// @notice More epochs are due than one call applies: call `rebase()` first.
    error RebaseDue(uint256 nextRebaseTime);
    error EpochBeforeBase(uint256 epoch, uint256 baseEpoch);

    event Staked(address indexed account, uint256 lumaAmount, uint256 shares, uint256 index);
    event Unstaked(
        address indexed account,
        uint256 sLumaAmount,
        uint256 fee,
        uint256 feeToBuyback,
        uint256 feeBurned,
        uint256 lumaOut
    );
    event Rebase(uint256 indexed epoch, uint256 index, uint256 lumaMinted, uint256 totalStaked, uint256 epochTime);

    constructor(
        MintableToken luma_,
        FeeBuyback feeBuyback_,
        uint256[3] memory params, // epochLength, rebaseRateBps, claimFeeBps
        address owner_
    ) Parameterized(owner_) {
        luma = luma_;
        feeBuyback = feeBuyback_;
        epochLength = _inRange("epochLength", params[0], 1 hours, 7 days);
        rebaseRateBps = _inRange("rebaseRateBps", params[1], 0, 100);
        claimFeeBps = _inRange("claimFeeBps", params[2], 0, 1_000);
        nextRebaseTime = block.timestamp + epochLength;
        IERC20(address(luma_)).forceApprove(address(feeBuyback_), type(uint256).max);
    }

    /// @dev Every setter first applies the epochs already due, so a change is never retroactive.
    function setEpochLength(uint256 value) external onlyOwner {
        _settle();
        epochLength = _checked("epochLength", epochLength, value, 1 hours, 7 days);
    }

    /// @dev Re-bases the closed form so epochs already applied keep the old rate.
    function setRebaseRateBps(uint256 value) external onlyOwner {
        _settle();
        rebaseRateBps = _checked("rebaseRateBps", rebaseRateBps, value, 0, 100);
        baseIndex = index;
        baseEpoch = epoch;
    }

    function setClaimFeeBps(uint256 value) external onlyOwner {
        claimFeeBps = _checked("claimFeeBps", claimFeeBps, value, 0, 1_000);
    }

    function balanceOf(address account) public view returns (uint256) {
        return (sharesOf[account] * index) / SHARE_SCALE;
    }

    function totalSupply() public view returns (uint256) {
        return (totalShares * index) / SHARE_SCALE;
    }

    function stake(uint256 amount) external nonReentrant returns (uint256 shares) {
        if (amount == 0) revert ZeroAmount();
        // Epochs that ended before this stake belong to those who were staked during them.
        _settle();
        IERC20(address(luma)).safeTransferFrom(msg.sender, address(this), amount);
        // Rounded up so the new balance is exactly `amount` (1:1 at the current index).
        shares = Math.mulDiv(amount, SHARE_SCALE, index, Math.Rounding.Ceil);
        sharesOf[msg.sender] += shares;
        totalShares += shares;
        emit Staked(msg.sender, amount, shares, index);
    }

    /// @notice Unstakes `amount` sLUMA (type(uint256).max for all) into LUMA, minus the claim fee.
    function unstake(uint256 amount) external nonReentrant returns (uint256 lumaOut) {
        _settle();
        uint256 balance = balanceOf(msg.sender);
        if (amount == type(uint256).max) amount = balance;
        if (amount == 0) revert ZeroAmount();
        if (amount > balance) revert InsufficientBalance(balance, amount);
        uint256 shares = Math.mulDiv(amount, SHARE_SCALE, index, Math.Rounding.Ceil);
        sharesOf[msg.sender] -= shares;
        totalShares -= shares;
        uint256 fee = (amount * claimFeeBps) / BPS;
        lumaOut = amount - fee;
        IERC20(address(luma)).safeTransfer(msg.sender, lumaOut);
        (uint256 toBuyback, uint256 burned) = fee > 0 ? feeBuyback.depositFee(fee) : (0, 0);
        emit Unstaked(msg.sender, amount, fee, toBuyback, burned, lumaOut);
    }

    /// @notice Applies every epoch that has ended (up to MAX_EPOCHS_PER_REBASE per call); anyone may call.
    function rebase() external nonReentrant returns (uint256 epochsApplied) {
        if (block.timestamp < nextRebaseTime) revert TooEarly(nextRebaseTime);
        return _applyDueEpochs();
    }

    /// @dev Applies due epochs before a balance or a parameter changes; too many due → RebaseDue.
    function _settle() private {
        if (block.timestamp < nextRebaseTime) return;
        _applyDueEpochs();
        if (block.timestamp >= nextRebaseTime) revert RebaseDue(nextRebaseTime);
    }

    function _applyDueEpochs() private returns (uint256 epochsApplied) {
        epochsApplied = Math.min((block.timestamp - nextRebaseTime) / epochLength + 1, MAX_EPOCHS_PER_REBASE);
        uint256 supply = totalSupply();
        uint256 mintedTotal;
        for (uint256 i = 0; i < epochsApplied; i++) {
            if (epoch - baseEpoch >= REBASE_BASE_EVERY) (baseIndex, baseEpoch) = (index, epoch);
            epoch += 1;
            index = indexAt(epoch);
            uint256 newSupply = totalSupply();
            mintedTotal += newSupply - supply;
            emit Rebase(epoch, index, newSupply - supply, newSupply, nextRebaseTime + i * epochLength);
            supply = newSupply;
        }
        nextRebaseTime += epochsApplied * epochLength;
        if (mintedTotal > 0) luma.mint(address(this), mintedTotal);
    }

    /// @notice The index at `epoch_` at the current rate, in closed form from the last base (a rate
    ///         change or a periodic restart); earlier epochs are in the Rebase events.
    function indexAt(uint256 epoch_) public view returns (uint256) {
        if (epoch_ < baseEpoch) revert EpochBeforeBase(epoch_, baseEpoch);
        uint256 growth = _rpow(RAY + rebaseRateBps * (RAY / BPS), epoch_ - baseEpoch);
        return Math.mulDiv(baseIndex, growth, RAY);
    }

    /// @dev x^n in ray precision, rounding half up at each step (exponentiation by squaring).
    function _rpow(uint256 x, uint256 n) private pure returns (uint256 z) {
        z = n % 2 != 0 ? x : RAY;
        for (n /= 2; n != 0; n /= 2) {
            x = (x * x + RAY / 2) / RAY;
            if (n % 2 != 0) z = (z * x + RAY / 2) / RAY;
        }
    }
}
