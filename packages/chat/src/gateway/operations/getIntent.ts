import { z } from "zod";
import type { Locale } from "../../i18n/Locale.ts";
import type { GatewayClient } from "../createGatewayClient.ts";
import { SIGNING_INTENT_FIELDS, type SigningIntent, signingIntent } from "./signingIntent.ts";

export const INTENT_DOCUMENT = `query ChatIntent($id: ID!) { intent(id: $id) { ${SIGNING_INTENT_FIELDS} } }`;

const intentData = z.object({ intent: signingIntent });

/**
 * A signing intent now (UNKNOWN_INTENT when there is none). A bot polls this, or (later) follows
 * `intentUpdated(id)` over SSE, to edit its message when the intent is confirmed, failed or dropped.
 */
export async function getIntent(
  client: GatewayClient,
  options: { locale: Locale; id: string; signal?: AbortSignal },
): Promise<SigningIntent> {
  const data = await client.request({
    document: INTENT_DOCUMENT,
    variables: { id: options.id },
    data: intentData,
    locale: options.locale,
    signal: options.signal,
  });
  return data.intent;
}
