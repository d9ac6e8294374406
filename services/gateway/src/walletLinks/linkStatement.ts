import { type ChatPlatform, chatPlatformNames } from "./ChatPlatform.ts";

/**
 * The statement a member signs to link a wallet, naming the chat account it links to. English
 * only: wallets show it raw, whatever the page's language. One line (EIP-4361 forbids "\n").
 */
export const linkStatement = (platform: ChatPlatform, userId: string) =>
  `Link this wallet to ${chatPlatformNames[platform]} user ${userId} in Luma Pulse.`;
