// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice SORA: fixed supply of 210,000,000, minted once at launch and never again.
/// @dev Burning lowers totalSupply (a transfer to a dead address is not a burn). Only the SORA/LUMA
///      pool (sells) and the fee buyback (buybacks) may burn, each with its reason, so every burn
///      the community sees is one of the two mechanics of PROTOCOL.md.
contract Sora is ERC20, Ownable {
    enum BurnReason {
        Sell,
        Buyback
    }

    uint256 public constant MAX_SUPPLY = 210_000_000 ether;

    uint256 public totalBurned;
    mapping(address => bool) public isBurner;

    error NotBurner(address caller);

    event BurnerSet(address indexed account, bool allowed);
    /// @notice Every burn, with its reason and the running total burned since launch.
    event SoraBurned(address indexed from, uint256 amount, BurnReason indexed reason, uint256 totalBurned);

    constructor(address initialHolder, address owner_) ERC20("SORA", "SORA") Ownable(owner_) {
        _mint(initialHolder, MAX_SUPPLY);
    }

    function setBurner(address account, bool allowed) external onlyOwner {
        isBurner[account] = allowed;
        emit BurnerSet(account, allowed);
    }

    /// @notice Burns `amount` of the caller's own SORA for `reason`.
    function burn(uint256 amount, BurnReason reason) external {
        if (!isBurner[msg.sender]) revert NotBurner(msg.sender);
        _burn(msg.sender, amount);
        totalBurned += amount;
        emit SoraBurned(msg.sender, amount, reason, totalBurned);
    }

    /// @notice Circulating supply = 210,000,000 − burned (equal to totalSupply by construction).
    function circulatingSupply() external view returns (uint256) {
        return MAX_SUPPLY - totalBurned;
    }
}
