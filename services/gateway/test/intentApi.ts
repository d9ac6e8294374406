import { type GraphqlBody, postGraphql } from "./postGraphql.ts";

/** The fields the intent tests read, in one fragment. */
export const INTENT_FIELDS = `
  id action status failureReason account verificationCode createdAt expiresAt amountInput
  amount { raw symbol formatted } positionId
  chain { id name rpcUrl }
  steps { index kind contract to data value gas functionName args { name type value } summary status txHash }
  outcome { spend { raw symbol } receive { raw symbol } simulatedAtBlock }
  links { page metamask trust okx eip681 qrCode }
`;

export type IntentView = {
  id: string;
  status: string;
  failureReason: string | null;
  steps: {
    index: number;
    summary: string;
    status: string | null;
    txHash: string | null;
    to: string;
    data: string;
  }[];
  links: {
    page: string;
    metamask: string;
    trust: string;
    okx: string;
    eip681: string | null;
    qrCode: string;
  };
  // biome-ignore lint/suspicious/noExplicitAny: the other fields are checked as the query returns them
  [field: string]: any;
};

const intentOf = (body: GraphqlBody, field: string) => body.data?.[field] as IntentView | undefined;

/** `intent(id)`; `headers` e.g. accept-language. */
export async function queryIntent(url: string, id: string, headers: Record<string, string> = {}) {
  const { body } = await postGraphql(
    url,
    `{ intent(id: ${JSON.stringify(id)}) { ${INTENT_FIELDS} } }`,
    headers,
  );
  return { body, intent: intentOf(body, "intent") };
}

/** `reportIntentTransaction(id, step, txHash)`. */
export async function reportTx(
  url: string,
  id: string,
  step: number,
  txHash: string,
  headers: Record<string, string> = {},
) {
  const { body } = await postGraphql(
    url,
    `mutation { reportIntentTransaction(id: ${JSON.stringify(id)}, step: ${step}, txHash: ${JSON.stringify(txHash)}) { ${INTENT_FIELDS} } }`,
    headers,
  );
  return { body, intent: intentOf(body, "reportIntentTransaction") };
}

/** Polls `intent(id)` until `done` holds (the watcher works block by block); fails after `timeoutMs`. */
export async function awaitIntent(
  url: string,
  id: string,
  done: (intent: IntentView) => boolean,
  timeoutMs = 20_000,
): Promise<IntentView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { intent, body } = await queryIntent(url, id);
    if (intent && done(intent)) return intent;
    if (Date.now() > deadline) throw new Error(`intent ${id} never got there: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
