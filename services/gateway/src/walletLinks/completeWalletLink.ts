import type { PrismaClient, WalletLink } from "@luma-pulse/db";
import type { Hex, PublicClient } from "viem";
import { verifySiweMessage } from "viem/siwe";
import { domainError } from "../errors/domainError.ts";
import { isChatPlatform } from "./ChatPlatform.ts";
import { checkSiweMessage } from "./checkSiweMessage.ts";
import { consumeChallenge } from "./consumeChallenge.ts";
import { linkStatement } from "./linkStatement.ts";
import { parseSignedSiweMessage } from "./parseSignedSiweMessage.ts";
import { readOpenChallenge } from "./readOpenChallenge.ts";
import { siweOrigin } from "./siweOrigin.ts";
import { MAX_SIGNATURE_LENGTH } from "./walletLinkSettings.ts";

const SIGNATURE = /^0x(?:[0-9a-fA-F]{2})+$/;

export type CompleteWalletLinkInput = { id: string; message: string; signature: string; now?: Date };

/**
 * Links the wallet that signed `message` to the chat user of challenge `id`. The challenge must be
 * open; the message must be this gateway's EIP-4361 message for it (checkSiweMessage); the signature
 * must be the message's address's — an EOA's, or a smart wallet's by ERC-1271 / ERC-6492, which
 * viem's `verifySiweMessage` asks the chain about. Only then is the challenge spent, once, and the
 * link stored; every refusal is a domain error and writes nothing.
 */
export async function completeWalletLink(
  deps: { prisma: PrismaClient; client: PublicClient; publicUrl: string; chainId: number },
  { id, message, signature, now = new Date() }: CompleteWalletLinkInput,
): Promise<WalletLink> {
  const { prisma, client, publicUrl, chainId } = deps;
  const challenge = await readOpenChallenge(prisma, id, { now, usedCode: "NONCE_ALREADY_USED" });
  if (!isChatPlatform(challenge.platform))
    throw new Error(`challenge ${id} has platform "${challenge.platform}"`);
  const fields = parseSignedSiweMessage(message);
  const { domain, origin } = siweOrigin(publicUrl);
  checkSiweMessage(
    fields,
    {
      id,
      nonce: challenge.nonce,
      domain,
      origin,
      chainId,
      statement: linkStatement(challenge.platform, challenge.userId),
      expiresAt: challenge.expiresAt,
    },
    now,
  );
  const { address } = fields;
  const wellFormed = signature.length <= MAX_SIGNATURE_LENGTH && SIGNATURE.test(signature);
  const signed =
    wellFormed &&
    (await verifySiweMessage(client, {
      message,
      signature: signature as Hex,
      domain,
      nonce: challenge.nonce,
      time: now,
    }));
  if (!signed) throw domainError("INVALID_SIGNATURE", { address });
  const link = await consumeChallenge(prisma, { id, address, chainId, now });
  if (link) return link;
  // Another completion spent it (or it expired) between the checks and the update: say which.
  await readOpenChallenge(prisma, id, { now, usedCode: "NONCE_ALREADY_USED" });
  throw domainError("NONCE_ALREADY_USED", { id });
}
