/**
 * Every GraphQL operation the page sends (issue 4 contract). Plain strings, no DOM: the gateway's
 * tests validate them against its schema, so the page and the gateway cannot drift apart.
 */

const INTENT_FIELDS = `
  id action status failureReason
  chain { id name rpcUrl }
  account verificationCode createdAt expiresAt amountInput
  amount { ...Amount }
  positionId
  steps { index kind contract to data value gas functionName args { name type value } summary status txHash }
  outcome {
    spend { ...Amount } receive { ...Amount }
    fee { amount { ...Amount } toBuyback { ...Amount } burned { ...Amount } }
    quotaGranted { ...Amount } quotaUsed { ...Amount }
    positionId principal { ...Amount } releasesUntil
    bound { kind amount { ...Amount } }
    simulatedAtBlock
  }`;

const AMOUNT_FRAGMENT = "fragment Amount on TokenAmount { raw decimals symbol formatted }";

export const INTENT_QUERY = `query SigningPageIntent($id: ID!) {
  intent(id: $id) { ${INTENT_FIELDS} }
  protocol { chainId contracts { name address } }
}
${AMOUNT_FRAGMENT}`;

export const REPORT_MUTATION = `mutation SigningPageReport($id: ID!, $step: Int!, $txHash: String!) {
  reportIntentTransaction(id: $id, step: $step, txHash: $txHash) { ${INTENT_FIELDS} }
}
${AMOUNT_FRAGMENT}`;

export const CHALLENGE_QUERY = `query SigningPageChallenge($id: ID!) {
  walletLinkChallenge(id: $id) { id url domain uri nonce chainId statement issuedAt expiresAt used }
}`;

export const COMPLETE_MUTATION = `mutation SigningPageLink($id: ID!, $message: String!, $signature: String!) {
  completeWalletLink(id: $id, message: $message, signature: $signature) { platform userId address chainId }
}`;
