import { type Address, erc20Abi } from "viem";

/** The reads an action that spends `token` needs: the account's balance and what `spender` may take. */
export const tokenReads = (token: Address, account: Address, spender: Address) =>
  [
    { address: token, abi: erc20Abi, functionName: "balanceOf", args: [account] },
    { address: token, abi: erc20Abi, functionName: "allowance", args: [account, spender] },
  ] as const;
