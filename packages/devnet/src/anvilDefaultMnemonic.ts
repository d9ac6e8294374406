/**
 * The mnemonic anvil derives its dev accounts from when none is given. Account 0 is
 * 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266. Public knowledge: never use it outside a devnet.
 */
export const anvilDefaultMnemonic = "test test test test test test test test test test test junk";
