// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {ConstantProductPool} from "../pools/ConstantProductPool.sol";
import {SoraLumaPool} from "../pools/SoraLumaPool.sol";
import {MintableToken} from "../tokens/MintableToken.sol";
import {Parameterized} from "../utils/Parameterized.sol";
import {FeeBuyback} from "./FeeBuyback.sol";
import {ReleaseMath} from "./ReleaseMath.sol";

/// @notice Option staking of POP (期权质押): staked POP is paired with newly minted LUMA and added to
///         the POP/LUMA pool with the LP sent to a dead address, locked forever. The position earns
///         LUMA daily up to a cap; rewards release linearly, or early against a burn fee.
/// @dev A position keeps the parameters in force when it was opened, so owner changes never alter
///      a promise already made. `vestFrom` moves to "now" on an early release: everything earned
///      before it has been paid out, and only later rewards are still releasing.
contract OptionStaking is Parameterized, ReentrancyGuard {
    using SafeERC20 for IERC20;

    address public constant DEAD = 0x000000000000000000000000000000000000dEaD;
    uint256 private constant BPS = 10_000;
    uint256 private constant DAY = 1 days;
    /// @notice Shortest window of the POP price average that bounds a stake's valuation.
    uint256 public constant TWAP_PERIOD = 30 minutes;

    IERC20 public immutable pop;
    MintableToken public immutable luma;
    ConstantProductPool public immutable popLumaPool;
    SoraLumaPool public immutable soraPool;
    FeeBuyback public immutable feeBuyback;

    uint256 public dailyRateBps;
    uint256 public capBps;
    uint256 public releasePeriod;
    uint256 public earlyFeeBps;
    /// @notice SORA quota granted per LUMA of principal, in bps (100 = 1 SORA per 100 LUMA).
    uint256 public soraQuotaBps;

    struct Position {
        address owner;
        uint64 start;
        uint64 capTime;
        uint64 vestFrom;
        uint32 releasePeriod;
        uint16 dailyRateBps;
        uint16 capBps;
        uint16 earlyFeeBps;
        uint256 popAmount;
        uint256 principal;
        uint256 claimed; // vested rewards claimed since vestFrom
        uint256 withdrawn; // LUMA paid out over the position's life (claims + early releases, net of fees)
        uint256 feesPaid;
    }

    struct PositionState {
        uint256 earned; // lifetime rewards so far (stops at the cap)
        uint256 claimable; // released and not yet claimed: free to take
        uint256 locked; // earned but still releasing
        uint256 earlyReleaseFee; // burn fee to take `locked` now
        uint256 withdrawn;
        uint256 feesPaid;
    }

    /// @notice POP price (LUMA per POP, 1e18) averaged over the last oracle window; 0 until known.
    uint256 public twapPrice;
    uint256 public oracleCumulative;
    uint256 public oracleTimestamp;

    Position[] private _positions;
    mapping(address => uint256[]) private _positionsOf;

    error ZeroAmount();
    error SlippageExceeded(uint256 principal, uint256 minPrincipal);
    error UnknownPosition(uint256 positionId);
    error NotPositionOwner(uint256 positionId, address caller);
    error NothingToClaim(uint256 positionId);
    error NothingLocked(uint256 positionId);

    event Staked(
        uint256 indexed positionId,
        address indexed owner,
        uint256 popAmount,
        uint256 principal,
        uint256 lpLocked,
        uint256 soraQuota,
        uint256 dailyRateBps,
        uint256 capBps,
        uint256 releasePeriod,
        uint256 earlyFeeBps
    );
    event RewardClaimed(uint256 indexed positionId, address indexed owner, uint256 amount);
    event EarlyReleased(
        uint256 indexed positionId,
        address indexed owner,
        uint256 vestedClaimed,
        uint256 unvestedReleased,
        uint256 fee,
        uint256 feeToBuyback,
        uint256 feeBurned,
        uint256 paidOut
    );

    constructor(
        IERC20 pop_,
        MintableToken luma_,
        ConstantProductPool popLumaPool_,
        SoraLumaPool soraPool_,
        FeeBuyback feeBuyback_,
        uint256[5] memory params, // dailyRateBps, capBps, releasePeriod, earlyFeeBps, soraQuotaBps
        address owner_
    ) Parameterized(owner_) {
        require(address(popLumaPool_.token0()) == address(pop_), "pool token0 must be POP");
        pop = pop_;
        luma = luma_;
        popLumaPool = popLumaPool_;
        soraPool = soraPool_;
        feeBuyback = feeBuyback_;
        dailyRateBps = _inRange("dailyRateBps", params[0], 1, 500);
        capBps = _inRange("capBps", params[1], 10_000, 50_000);
        releasePeriod = _inRange("releasePeriod", params[2], 1 days, 365 days);
        earlyFeeBps = _inRange("earlyFeeBps", params[3], 0, 9_000);
        soraQuotaBps = _inRange("soraQuotaBps", params[4], 0, BPS);
        pop_.forceApprove(address(popLumaPool_), type(uint256).max);
        IERC20(address(luma_)).forceApprove(address(popLumaPool_), type(uint256).max);
        IERC20(address(luma_)).forceApprove(address(feeBuyback_), type(uint256).max);
    }

    function setDailyRateBps(uint256 value) external onlyOwner {
        dailyRateBps = _checked("dailyRateBps", dailyRateBps, value, 1, 500);
    }

    function setCapBps(uint256 value) external onlyOwner {
        capBps = _checked("capBps", capBps, value, 10_000, 50_000);
    }

    function setReleasePeriod(uint256 value) external onlyOwner {
        releasePeriod = _checked("releasePeriod", releasePeriod, value, 1 days, 365 days);
    }

    function setEarlyFeeBps(uint256 value) external onlyOwner {
        earlyFeeBps = _checked("earlyFeeBps", earlyFeeBps, value, 0, 9_000);
    }

    function setSoraQuotaBps(uint256 value) external onlyOwner {
        soraQuotaBps = _checked("soraQuotaBps", soraQuotaBps, value, 0, BPS);
    }

    /// @notice Stakes POP for good: it is paired with LUMA at the pool price and the LP is locked.
    /// @param minPrincipal the least LUMA principal accepted (protects against a moved price)
    function stake(uint256 popAmount, uint256 minPrincipal) external nonReentrant returns (uint256 positionId) {
        if (popAmount == 0) revert ZeroAmount();
        uint256 principal = valueOfPop(popAmount);
        if (principal == 0) revert ZeroAmount();
        if (principal < minPrincipal) revert SlippageExceeded(principal, minPrincipal);
        pop.safeTransferFrom(msg.sender, address(this), popAmount);
        luma.mint(address(this), principal);
        uint256 lp = popLumaPool.addLiquidity(popAmount, principal, DEAD);
        uint256 quota = (principal * soraQuotaBps) / BPS;
        if (quota > 0) soraPool.grantQuota(msg.sender, quota);
        positionId = _open(popAmount, principal);
        emit Staked(
            positionId, msg.sender, popAmount, principal, lp, quota, dailyRateBps, capBps, releasePeriod, earlyFeeBps
        );
    }

    /// @notice LUMA value of `popAmount` POP for a new position: the lower of the spot price and the
    ///         time-weighted average, so pushing the pool's price up just before staking (to mint a
    ///         larger principal and more quota) gains nothing. Also refreshes the average.
    function valueOfPop(uint256 popAmount) public returns (uint256) {
        updateOracle();
        uint256 spot = popLumaPool.quote(address(pop), popAmount);
        if (twapPrice == 0) return spot;
        uint256 averaged = (popAmount * twapPrice) / 1e18;
        return averaged < spot ? averaged : spot;
    }

    /// @notice Refreshes the POP price average once at least TWAP_PERIOD has passed; anyone may call.
    function updateOracle() public {
        (uint256 cumulative, uint256 timestamp) = popLumaPool.currentPrice0Cumulative();
        if (oracleTimestamp == 0) {
            (oracleCumulative, oracleTimestamp) = (cumulative, timestamp);
            return;
        }
        uint256 elapsed = timestamp - oracleTimestamp;
        if (elapsed < TWAP_PERIOD) return;
        twapPrice = (cumulative - oracleCumulative) / elapsed;
        (oracleCumulative, oracleTimestamp) = (cumulative, timestamp);
    }

    function _open(uint256 popAmount, uint256 principal) private returns (uint256 positionId) {
        positionId = _positions.length;
        uint64 nowTs = uint64(block.timestamp);
        _positions.push(
            Position({
                owner: msg.sender,
                start: nowTs,
                capTime: uint64(nowTs + (capBps * DAY) / dailyRateBps),
                vestFrom: nowTs,
                releasePeriod: uint32(releasePeriod),
                dailyRateBps: uint16(dailyRateBps),
                capBps: uint16(capBps),
                earlyFeeBps: uint16(earlyFeeBps),
                popAmount: popAmount,
                principal: principal,
                claimed: 0,
                withdrawn: 0,
                feesPaid: 0
            })
        );
        _positionsOf[msg.sender].push(positionId);
    }

    /// @notice Claims the released part of a position's rewards, free of charge.
    function claim(uint256 positionId) external nonReentrant returns (uint256 amount) {
        Position storage p = _owned(positionId);
        (, uint256 vested,) = _evaluate(p);
        amount = vested - p.claimed;
        if (amount == 0) revert NothingToClaim(positionId);
        p.claimed = vested;
        p.withdrawn += amount;
        luma.mint(msg.sender, amount);
        emit RewardClaimed(positionId, msg.sender, amount);
    }

    /// @notice Takes everything earned so far now: the released part free, the still-releasing part
    ///         minus the early-release fee, which goes to SORA buyback and LUMA burn.
    function releaseEarly(uint256 positionId, uint256 maxFee) external nonReentrant returns (uint256 paidOut) {
        Position storage p = _owned(positionId);
        (uint256 earned, uint256 vested, uint256 fee) = _evaluate(p);
        uint256 unvested = earned - vested;
        if (unvested == 0) revert NothingLocked(positionId);
        if (fee > maxFee) revert SlippageExceeded(fee, maxFee);
        uint256 vestedClaimed = vested - p.claimed;
        paidOut = vestedClaimed + unvested - fee;
        p.vestFrom = uint64(_earnedUntil(p));
        p.claimed = 0;
        p.withdrawn += paidOut;
        p.feesPaid += fee;
        luma.mint(msg.sender, paidOut);
        _payFeeAndLog(positionId, vestedClaimed, unvested, fee, paidOut);
    }

    function _payFeeAndLog(uint256 positionId, uint256 vestedClaimed, uint256 unvested, uint256 fee, uint256 paidOut)
        private
    {
        (uint256 toBuyback, uint256 burned) = _payFee(fee);
        emit EarlyReleased(positionId, msg.sender, vestedClaimed, unvested, fee, toBuyback, burned, paidOut);
    }

    function _payFee(uint256 fee) private returns (uint256 toBuyback, uint256 burned) {
        if (fee == 0) return (0, 0);
        luma.mint(address(this), fee);
        return feeBuyback.depositFee(fee);
    }

    function positionCount() external view returns (uint256) {
        return _positions.length;
    }

    function positionsOf(address owner) external view returns (uint256[] memory) {
        return _positionsOf[owner];
    }

    function getPosition(uint256 positionId) external view returns (Position memory) {
        if (positionId >= _positions.length) revert UnknownPosition(positionId);
        return _positions[positionId];
    }

    /// @notice Everything a member asks about a position, at the current block time.
    function positionState(uint256 positionId) external view returns (PositionState memory s) {
        if (positionId >= _positions.length) revert UnknownPosition(positionId);
        Position storage p = _positions[positionId];
        (uint256 earned, uint256 vested, uint256 fee) = _evaluate(p);
        s.earned = _lifetimeEarned(p);
        s.claimable = vested - p.claimed;
        s.locked = earned - vested;
        s.earlyReleaseFee = fee;
        s.withdrawn = p.withdrawn;
        s.feesPaid = p.feesPaid;
    }

    /// @notice The early-release fee rate, for a position opened now, of a reward with `remaining`
    ///         seconds left to release (existing positions keep the terms they were opened with).
    function earlyFeeBpsAt(uint256 remaining) external view returns (uint256) {
        if (remaining > releasePeriod) remaining = releasePeriod;
        return (earlyFeeBps * remaining) / releasePeriod;
    }

    function _owned(uint256 positionId) private view returns (Position storage p) {
        if (positionId >= _positions.length) revert UnknownPosition(positionId);
        p = _positions[positionId];
        if (p.owner != msg.sender) revert NotPositionOwner(positionId, msg.sender);
    }

    /// @dev The stream of rewards earned since `vestFrom` (earlier ones are paid out already).
    function _evaluate(Position storage p) private view returns (uint256 earned, uint256 vested, uint256 fee) {
        ReleaseMath.Stream memory s = ReleaseMath.Stream({
            rateNum: p.principal * p.dailyRateBps,
            rateDen: BPS * DAY,
            lo: p.vestFrom,
            hi: _earnedUntil(p),
            period: p.releasePeriod
        });
        return ReleaseMath.evaluate(s, block.timestamp, p.earlyFeeBps);
    }

    function _earnedUntil(Position storage p) private view returns (uint256) {
        return block.timestamp < p.capTime ? block.timestamp : p.capTime;
    }

    function _lifetimeEarned(Position storage p) private view returns (uint256) {
        return (p.principal * p.dailyRateBps * (_earnedUntil(p) - p.start)) / (BPS * DAY);
    }
}
