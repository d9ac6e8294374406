import { errorCodeOf, type GraphqlBody, postGraphql } from "./postGraphql.ts";
import type { ChallengeJson } from "./walletLinkSigner.ts";

const CHALLENGE_FIELDS = "id url domain uri nonce chainId statement issuedAt expiresAt used";
const LINK_FIELDS = "platform userId address chainId linkedAt revokedAt";

/** GraphQL string literal (JSON's escapes are a subset of GraphQL's). */
const literal = (value: string) => JSON.stringify(value);

/**
 * The wallet-link API of the gateway at `url` as the bots (`token`: their service token, when
 * given) and the link page call it. Each call answers `{ status, body, code }` (code: the first
 * error's extensions.code).
 */
export function walletLinkApi(url: string, token?: string) {
  const call = async (query: string, headers: Record<string, string> = {}) => {
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const { status, body } = await postGraphql(url, query, { ...auth, ...headers });
    return { status, body, code: errorCodeOf(body) };
  };
  /** `query` with `variables`, as a client sends a stored operation. */
  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...auth },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphqlBody;
    return { status: response.status, body, code: errorCodeOf(body) };
  };
  return {
    call,
    run,
    createChallenge: (userId: string, platform = "TELEGRAM") =>
      call(
        `mutation { createWalletLinkChallenge(platform: ${platform}, userId: ${literal(userId)}) { ${CHALLENGE_FIELDS} } }`,
      ),
    challenge: (id: string) => call(`{ walletLinkChallenge(id: ${literal(id)}) { ${CHALLENGE_FIELDS} } }`),
    complete: (
      id: string,
      signed: { message: string; signature: string },
      headers?: Record<string, string>,
    ) =>
      call(
        `mutation { completeWalletLink(id: ${literal(id)}, message: ${literal(signed.message)}, signature: ${literal(signed.signature)}) { ${LINK_FIELDS} } }`,
        headers,
      ),
    links: (userId: string, platform = "TELEGRAM") =>
      call(`{ walletLinks(platform: ${platform}, userId: ${literal(userId)}) { ${LINK_FIELDS} } }`),
    unlink: (userId: string, address: string, platform = "TELEGRAM") =>
      call(
        `mutation { unlinkWallet(platform: ${platform}, userId: ${literal(userId)}, address: ${literal(address)}) { ${LINK_FIELDS} } }`,
      ),
  };
}

/** A new challenge for `userId` through `api` (which must carry the service token). */
export async function newChallenge(
  api: ReturnType<typeof walletLinkApi>,
  userId: string,
): Promise<ChallengeJson> {
  const { body } = await api.createChallenge(userId);
  if (!body.data?.createWalletLinkChallenge) throw new Error(`no challenge: ${JSON.stringify(body.errors)}`);
  return body.data.createWalletLinkChallenge;
}
