import { z } from "zod";
import type { Locale } from "../../i18n/Locale.ts";
import type { GatewayClient } from "../createGatewayClient.ts";
import { dateTimeString } from "../scalars.ts";

/** The chat a user is on, as the gateway names it. */
export type ChatPlatform = "TELEGRAM" | "DISCORD";

/** A chat user: their platform and their numeric id there (as a string: Discord ids exceed 2^53). */
export type ChatUser = { platform: ChatPlatform; userId: string };

const CHALLENGE_FIELDS = "id url expiresAt";
const LINK_FIELDS = "platform userId address chainId linkedAt revokedAt";

export const CREATE_WALLET_LINK_CHALLENGE_DOCUMENT = `mutation ChatLinkChallenge($platform: ChatPlatform!, $userId: String!) {
  challenge: createWalletLinkChallenge(platform: $platform, userId: $userId) { ${CHALLENGE_FIELDS} }
}`;
export const WALLET_LINKS_DOCUMENT = `query ChatWalletLinks($platform: ChatPlatform!, $userId: String!) {
  links: walletLinks(platform: $platform, userId: $userId) { ${LINK_FIELDS} }
}`;
export const UNLINK_WALLET_DOCUMENT = `mutation ChatUnlink($platform: ChatPlatform!, $userId: String!, $address: Address!) {
  link: unlinkWallet(platform: $platform, userId: $userId, address: $address) { ${LINK_FIELDS} }
}`;

const challenge = z.object({ id: z.string(), url: z.string(), expiresAt: dateTimeString });
export type WalletLinkChallenge = z.output<typeof challenge>;

const walletLink = z.object({
  platform: z.enum(["TELEGRAM", "DISCORD"]),
  userId: z.string(),
  address: z.string(),
  chainId: z.number().int(),
  linkedAt: dateTimeString,
  revokedAt: dateTimeString.nullable(),
});
export type WalletLink = z.output<typeof walletLink>;

type Options = { locale: Locale; signal?: AbortSignal };

/** Opens a wallet-link challenge for a chat user: send them its `url` (service token). */
export async function createWalletLinkChallenge(
  client: GatewayClient,
  options: Options & { user: ChatUser },
): Promise<WalletLinkChallenge> {
  const data = await client.request({
    document: CREATE_WALLET_LINK_CHALLENGE_DOCUMENT,
    variables: { ...options.user },
    data: z.object({ challenge }),
    locale: options.locale,
    serviceToken: true,
    signal: options.signal,
  });
  return data.challenge;
}

/** A chat user's active wallet links, oldest first (service token). */
export async function listWalletLinks(
  client: GatewayClient,
  options: Options & { user: ChatUser },
): Promise<WalletLink[]> {
  const data = await client.request({
    document: WALLET_LINKS_DOCUMENT,
    variables: { ...options.user },
    data: z.object({ links: z.array(walletLink) }),
    locale: options.locale,
    serviceToken: true,
    signal: options.signal,
  });
  return data.links;
}

/** Revokes a chat user's link to `address`; UNKNOWN_WALLET_LINK when there is none (service token). */
export async function unlinkWallet(
  client: GatewayClient,
  options: Options & { user: ChatUser; address: string },
): Promise<WalletLink> {
  const data = await client.request({
    document: UNLINK_WALLET_DOCUMENT,
    variables: { ...options.user, address: options.address },
    data: z.object({ link: walletLink }),
    locale: options.locale,
    serviceToken: true,
    signal: options.signal,
  });
  return data.link;
}
