import { postGraphql } from "./postGraphql.ts";
import { type ChallengeJson, type LocalAccount, pageSigned } from "./walletLinkSigner.ts";

/**
 * Does what a member does with /link's button: opens the page at `linkUrl` (`…/link/<id>`),
 * connects `account` and signs; resolves with the linked address.
 */
export async function completeWalletLink(gatewayUrl: string, linkUrl: string, account: LocalAccount) {
  const id = JSON.stringify(linkUrl.split("/").at(-1));
  const { body } = await postGraphql(
    gatewayUrl,
    `{ walletLinkChallenge(id: ${id}) { id url domain uri nonce chainId statement issuedAt expiresAt } }`,
  );
  const signed = await pageSigned(account, body.data.walletLinkChallenge as ChallengeJson);
  const completed = await postGraphql(
    gatewayUrl,
    `mutation { completeWalletLink(id: ${id}, message: ${JSON.stringify(signed.message)}, signature: "${signed.signature}") { address } }`,
  );
  return completed.body.data?.completeWalletLink.address as string;
}
