/** The chats a wallet can be linked from, as stored in `WalletLink.platform`, with their display names. */
export const chatPlatformNames = { telegram: "Telegram", discord: "Discord" } as const;

export type ChatPlatform = keyof typeof chatPlatformNames;

/** A stored platform name read back (the column is a plain string). */
export function isChatPlatform(value: string): value is ChatPlatform {
  return Object.hasOwn(chatPlatformNames, value);
}
