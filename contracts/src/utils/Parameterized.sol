// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice Owner-settable protocol parameters with explicit bounds.
/// @dev Every change emits ParameterChanged so the gateway can show (and index) the history;
///      a value outside its bounds reverts with the bounds, so a caller learns what is allowed.
abstract contract Parameterized is Ownable {
    error ParameterOutOfRange(bytes32 name, uint256 value, uint256 min, uint256 max);

    event ParameterChanged(bytes32 indexed name, uint256 oldValue, uint256 newValue);

    constructor(address initialOwner) Ownable(initialOwner) {}

    /// @dev Checks `value` against [min, max], emits the change and returns the value to store.
    function _checked(bytes32 name, uint256 oldValue, uint256 value, uint256 min, uint256 max)
        internal
        returns (uint256)
    {
        if (value < min || value > max) revert ParameterOutOfRange(name, value, min, max);
        emit ParameterChanged(name, oldValue, value);
        return value;
    }

    /// @dev Bounds check without an event, for constructor arguments.
    function _inRange(bytes32 name, uint256 value, uint256 min, uint256 max) internal pure returns (uint256) {
        if (value < min || value > max) revert ParameterOutOfRange(name, value, min, max);
        return value;
    }
}
