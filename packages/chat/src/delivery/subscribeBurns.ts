import { createClient, NetworkError } from "graphql-sse";
import type { GatewayError } from "../gateway/GatewayError.ts";
import { type GraphqlErrorEntry, gatewayErrorOf } from "../gateway/gatewayErrorOf.ts";
import {
  type BurnEvent,
  parseSoraBurnedEvent,
  SORA_BURNED_DOCUMENT,
} from "../gateway/operations/soraBurnedEvent.ts";

/** The gateway pings every 12 s: this long without a byte means the connection died silently. */
const DEFAULT_IDLE_MS = 45_000;

/**
 * `soraBurned` after `after` (from now without it) over GraphQL over SSE, as graphql-sse's client
 * speaks it to the gateway ("distinct connections" mode: one POST per subscription).
 *
 * Ends when the server completes the stream, throws on any error (network, a refusal as a
 * `GatewayError` with the gateway's code, a malformed
 * event, no bytes for `idleMs`) and never retries itself: the caller resumes from its own cursor,
 * since the client would resubscribe with the original `after` and replay what is already stored.
 */
export async function* subscribeBurns(options: {
  graphqlUrl: string;
  /** Sent as `x-api-key`. */
  apiKey?: string;
  after?: string;
  signal: AbortSignal;
  /** Called once the gateway holds the subscription. */
  onConnected?: () => void;
  idleMs?: number;
}): AsyncGenerator<BurnEvent> {
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const idle = new AbortController();
  let lastByteAt = Date.now();
  const watchdog = setInterval(() => {
    if (Date.now() - lastByteAt > idleMs) idle.abort(new Error(`no bytes from the gateway for ${idleMs} ms`));
  }, idleMs / 4);
  const client = createClient({
    url: options.graphqlUrl,
    retryAttempts: 0,
    headers: options.apiKey ? { "x-api-key": options.apiKey } : undefined,
    // Every chunk, pings included, proves the connection alive.
    fetchFn: async (input: string, init: RequestInit = {}) => {
      const signals = [idle.signal, options.signal, ...(init.signal ? [init.signal] : [])];
      const response = await fetch(input, { ...init, signal: AbortSignal.any(signals) });
      const touch = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          lastByteAt = Date.now();
          controller.enqueue(chunk);
        },
      });
      const { status, statusText, headers } = response;
      return new Response(response.body?.pipeThrough(touch) ?? null, { status, statusText, headers });
    },
  });
  const results = client.iterate(
    { query: SORA_BURNED_DOCUMENT, variables: { after: options.after ?? null } },
    { connected: () => options.onConnected?.() },
  );
  try {
    for await (const result of results) {
      // (graphql-sse types the JSON it parsed as GraphQLError: the same fields.)
      if (result.errors?.length) throw gatewayErrorOf(result.errors as readonly GraphqlErrorEntry[], 200);
      const burn = parseSoraBurnedEvent(result.data);
      if (!burn)
        throw new Error(`soraBurned sent an event this client cannot read: ${JSON.stringify(result.data)}`);
      yield burn;
    }
  } catch (error) {
    throw (await refusalOf(error)) ?? error;
  } finally {
    clearInterval(watchdog);
    await results.return?.();
    client.dispose();
  }
}

/**
 * The gateway refuses a subscription it cannot start (INVALID_EVENT_ID: `after` is none of its ids)
 * with a 400 whose event stream carries the GraphQL errors, which graphql-sse reports as a bare
 * `NetworkError`: their code, as a `GatewayError`, tells the caller whether trying again can help.
 */
async function refusalOf(error: unknown): Promise<GatewayError | undefined> {
  const response = error instanceof NetworkError ? error.response : undefined;
  if (!response || response.status < 400 || response.status >= 500) return undefined;
  const text = await response.text().catch(() => "");
  for (const line of text.split("\n")) {
    if (!line.startsWith("data:")) continue;
    const errors = parseErrors(line.slice("data:".length));
    if (errors) return gatewayErrorOf(errors, response.status);
  }
  return undefined;
}

function parseErrors(json: string): GraphqlErrorEntry[] | undefined {
  try {
    const { errors } = JSON.parse(json) as { errors?: unknown };
    return Array.isArray(errors) && errors.length > 0 ? (errors as GraphqlErrorEntry[]) : undefined;
  } catch {
    return undefined;
  }
}
