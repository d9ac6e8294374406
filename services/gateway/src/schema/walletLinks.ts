import { builder } from "../builder.ts";
import { assertServiceToken } from "../walletLinks/assertServiceToken.ts";
import { completeWalletLink } from "../walletLinks/completeWalletLink.ts";
import { createWalletLinkChallenge } from "../walletLinks/createWalletLinkChallenge.ts";
import { listWalletLinks } from "../walletLinks/listWalletLinks.ts";
import { parseChatUserId } from "../walletLinks/parseChatUserId.ts";
import { readOpenChallenge } from "../walletLinks/readOpenChallenge.ts";
import { unlinkWallet } from "../walletLinks/unlinkWallet.ts";
import {
  type WalletLinkChallengeView,
  walletLinkChallengeView,
} from "../walletLinks/WalletLinkChallengeView.ts";
import { type WalletLinkView, walletLinkView } from "../walletLinks/WalletLinkView.ts";
import { WALLET_LINK_CHALLENGE_TTL_MS } from "../walletLinks/walletLinkSettings.ts";

const SERVICE_TOKEN_NOTE = "Needs the bots' service token: `Authorization: Bearer <GATEWAY_SERVICE_TOKEN>`.";

export const ChatPlatformType = builder.enumType("ChatPlatform", {
  description: "The chat a user is on.",
  values: { TELEGRAM: { value: "telegram" }, DISCORD: { value: "discord" } } as const,
});

export const WalletLinkChallengeType = builder
  .objectRef<WalletLinkChallengeView>("WalletLinkChallenge")
  .implement({
    description:
      "An invitation to link a wallet to a chat user: the page at `url` has the member sign a Sign-In with " +
      "Ethereum (EIP-4361) message built from these fields, once, before `expiresAt`.",
    fields: (t) => ({
      id: t.exposeID("id"),
      url: t.exposeString("url", { description: "The page the bot sends: `<public URL>/link/<id>`." }),
      domain: t.exposeString("domain", { description: "The message's domain: the public URL's host." }),
      uri: t.exposeString("uri", { description: "The message's URI: the public URL." }),
      nonce: t.exposeString("nonce", { description: "The message's nonce; one signed message spends it." }),
      chainId: t.exposeInt("chainId", { description: "The message's chain id: the protocol's chain." }),
      statement: t.exposeString("statement", {
        description: "The message's statement, naming the chat account (English: wallets show it as is).",
      }),
      issuedAt: t.expose("issuedAt", { type: "DateTime", description: "When the challenge was made." }),
      expiresAt: t.expose("expiresAt", {
        type: "DateTime",
        description: "The message's expiration time: it must not be later.",
      }),
      used: t.exposeBoolean("used"),
    }),
  });

export const WalletLinkType = builder.objectRef<WalletLinkView>("WalletLink").implement({
  description: "A wallet a chat user proved they control by signing; a user may link several.",
  fields: (t) => ({
    platform: t.expose("platform", { type: ChatPlatformType }),
    userId: t.exposeString("userId"),
    address: t.expose("address", { type: "Address" }),
    chainId: t.exposeInt("chainId", { description: "The chain the signed message named." }),
    linkedAt: t.expose("linkedAt", { type: "DateTime", description: "When the wallet last proved it." }),
    revokedAt: t.expose("revokedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the link was revoked; null while active.",
    }),
  }),
});

/** What resolvers pass to the views: where the gateway is reached and which chain it serves. */
const siteOf = (ctx: { signing: { publicUrl: string }; manifest: { chainId: number } }) => ({
  publicUrl: ctx.signing.publicUrl,
  chainId: ctx.manifest.chainId,
});

builder.queryFields((t) => ({
  walletLinkChallenge: t.field({
    type: WalletLinkChallengeType,
    description:
      "A challenge the link page completes (public: its id is the secret the link carries). Unknown, used or " +
      "expired: UNKNOWN_WALLET_LINK_CHALLENGE, WALLET_LINK_CHALLENGE_USED, WALLET_LINK_CHALLENGE_EXPIRED.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const now = new Date();
      const challenge = await readOpenChallenge(ctx.prisma, String(args.id), {
        now,
        usedCode: "WALLET_LINK_CHALLENGE_USED",
      });
      return walletLinkChallengeView(challenge, siteOf(ctx));
    },
  }),
  walletLinks: t.field({
    type: [WalletLinkType],
    description: `A chat user's active wallet links, oldest first. ${SERVICE_TOKEN_NOTE}`,
    args: {
      platform: t.arg({ type: ChatPlatformType, required: true }),
      userId: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      assertServiceToken(ctx);
      const links = await listWalletLinks(ctx.prisma, args.platform, parseChatUserId(args.userId));
      return links.map(walletLinkView);
    },
  }),
}));

builder.mutationFields((t) => ({
  createWalletLinkChallenge: t.field({
    type: WalletLinkChallengeType,
    description:
      `Opens a wallet-link challenge for a chat user, valid ${WALLET_LINK_CHALLENGE_TTL_MS / 60_000} minutes: ` +
      `send its \`url\` to the user. ${SERVICE_TOKEN_NOTE}`,
    args: {
      platform: t.arg({ type: ChatPlatformType, required: true }),
      userId: t.arg.string({ required: true, description: "The user's Telegram or Discord id (digits)." }),
    },
    resolve: async (_root, args, ctx) => {
      assertServiceToken(ctx);
      const userId = parseChatUserId(args.userId);
      const challenge = await createWalletLinkChallenge(ctx.prisma, { platform: args.platform, userId });
      return walletLinkChallengeView(challenge, siteOf(ctx));
    },
  }),
  completeWalletLink: t.field({
    type: WalletLinkType,
    description:
      "Links the wallet that signed `message` (the EIP-4361 message built from the challenge, signed with " +
      "personal_sign) to the challenge's chat user; EOAs and smart wallets (ERC-1271/6492). Public: the " +
      "signature is the proof. Spends the challenge: a second completion fails with NONCE_ALREADY_USED.",
    args: {
      id: t.arg.id({ required: true }),
      message: t.arg.string({ required: true }),
      signature: t.arg.string({ required: true, description: "0x-hex signature of `message`." }),
    },
    resolve: async (_root, args, ctx) => {
      const link = await completeWalletLink(
        { prisma: ctx.prisma, client: ctx.client, ...siteOf(ctx) },
        { id: String(args.id), message: args.message, signature: args.signature },
      );
      return walletLinkView(link);
    },
  }),
  unlinkWallet: t.field({
    type: WalletLinkType,
    description: `Revokes a chat user's link to \`address\`; UNKNOWN_WALLET_LINK when there is none. ${SERVICE_TOKEN_NOTE}`,
    args: {
      platform: t.arg({ type: ChatPlatformType, required: true }),
      userId: t.arg.string({ required: true }),
      address: t.arg({ type: "Address", required: true }),
    },
    resolve: async (_root, args, ctx) => {
      assertServiceToken(ctx);
      const userId = parseChatUserId(args.userId);
      const link = await unlinkWallet(ctx.prisma, { platform: args.platform, userId, address: args.address });
      return walletLinkView(link);
    },
  }),
}));
