import { z } from "zod";
import type { GatewayClient } from "../gateway/createGatewayClient.ts";
import { isGatewayError } from "../gateway/GatewayError.ts";
import { getIntent } from "../gateway/operations/getIntent.ts";
import {
  SIGNING_INTENT_FIELDS,
  type SigningIntent,
  signingIntent,
} from "../gateway/operations/signingIntent.ts";
import type { Locale } from "../i18n/Locale.ts";

/**
 * Intents per request: well under the gateway's alias limit (30) and its cost limit (an intent's
 * selection costs a few hundred points of 20,000).
 */
export const INTENTS_PER_REQUEST = 20;

/** `intent(id)` under an alias per id, sharing one fragment: one request for many intents. */
export function intentsDocument(count: number): string {
  const indexes = Array.from({ length: count }, (_, i) => i);
  const variables = indexes.map((i) => `$i${i}: ID!`).join(", ");
  const fields = indexes.map((i) => `i${i}: intent(id: $i${i}) { ...ChatIntentFields }`).join(" ");
  return `query ChatIntents(${variables}) { ${fields} }
fragment ChatIntentFields on SigningIntent { ${SIGNING_INTENT_FIELDS} }`;
}

/**
 * Several intents in the user's language, in requests of {@link INTENTS_PER_REQUEST}; an id the
 * gateway does not know maps to `undefined`. One unknown id fails its whole request (the field is
 * non-null), so that request's ids are then asked one by one to tell which.
 * @throws {GatewayError} anything else (the gateway out of reach): the caller tries again later
 */
export async function getIntentsById(
  gateway: GatewayClient,
  options: { locale: Locale; ids: readonly string[]; signal?: AbortSignal },
): Promise<Map<string, SigningIntent | undefined>> {
  const { locale, ids, signal } = options;
  const found = new Map<string, SigningIntent | undefined>();
  for (let start = 0; start < ids.length; start += INTENTS_PER_REQUEST) {
    const chunk = ids.slice(start, start + INTENTS_PER_REQUEST);
    try {
      const data = await gateway.request({
        document: intentsDocument(chunk.length),
        variables: Object.fromEntries(chunk.map((id, i) => [`i${i}`, id])),
        data: z.object(Object.fromEntries(chunk.map((_, i) => [`i${i}`, signingIntent]))),
        locale,
        signal,
      });
      chunk.forEach((id, i) => {
        found.set(id, data[`i${i}`] as SigningIntent);
      });
    } catch (error) {
      if (!isGatewayError(error, "UNKNOWN_INTENT")) throw error;
      for (const id of chunk) found.set(id, await getOne(gateway, locale, id, signal));
    }
  }
  return found;
}

async function getOne(gateway: GatewayClient, locale: Locale, id: string, signal?: AbortSignal) {
  try {
    return await getIntent(gateway, { locale, id, signal });
  } catch (error) {
    if (isGatewayError(error, "UNKNOWN_INTENT")) return undefined;
    throw error;
  }
}
