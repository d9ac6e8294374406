// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";

/// @notice ERC-20 minted by authorised protocol contracts: LUMA (rewards and rebases), and on the
///         devnet POP and USDT (so the seed can fund wallets). Anyone may burn their own balance.
contract MintableToken is ERC20, ERC20Burnable, Ownable {
    uint8 private immutable _decimals;
    mapping(address => bool) public isMinter;

    error NotMinter(address caller);

    event MinterSet(address indexed account, bool allowed);

    constructor(string memory name_, string memory symbol_, uint8 decimals_, address owner_)
        ERC20(name_, symbol_)
        Ownable(owner_)
    {
        _decimals = decimals_;
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    function setMinter(address account, bool allowed) external onlyOwner {
        isMinter[account] = allowed;
        emit MinterSet(account, allowed);
    }

    function mint(address to, uint256 amount) external {
        if (!isMinter[msg.sender]) revert NotMinter(msg.sender);
        _mint(to, amount);
    }
}
