import type { z } from "zod";
import type { Locale } from "../i18n/Locale.ts";
import { GatewayError } from "./GatewayError.ts";
import { type GraphqlErrorEntry, gatewayErrorOf, unavailableError } from "./gatewayErrorOf.ts";

/** Where the gateway is and how to talk to it; one client per process, shared by every handler. */
export type GatewayClientOptions = {
  /** The gateway's origin (`http://127.0.0.1:4000`) or its GraphQL endpoint (`…/graphql`). */
  url: string;
  /** GATEWAY_SERVICE_TOKEN: sent only with operations that act for a chat user (wallet links). */
  serviceToken?: string;
  /**
   * GATEWAY_API_KEY, sent as `x-api-key` with every request: the bot's own rate-limit budget, so a
   * busy bot is not limited as one IP among the public (see the gateway's API_KEYS).
   */
  apiKey?: string;
  /** Per request, including reading the body. Default 10 s: a chat user is waiting. */
  timeoutMs?: number;
  /** For tests and odd runtimes; the global `fetch` otherwise. */
  fetch?: typeof fetch;
};

/** One GraphQL request: the document, its variables, and the schema its `data` must match. */
export type GatewayRequest<S extends z.ZodType> = {
  document: string;
  variables?: Record<string, unknown>;
  data: S;
  /** The chat user's language: the gateway words step summaries (and its own messages) in it. */
  locale: Locale;
  /** Send `Authorization: Bearer <serviceToken>` (wallet-link operations). */
  serviceToken?: boolean;
  signal?: AbortSignal;
};

export type GatewayClient = {
  /** The GraphQL endpoint requests go to. */
  readonly endpoint: string;
  /**
   * POSTs the request as JSON and returns its `data`, parsed by `request.data` (bigints from decimal
   * strings, dates from ISO strings).
   * @throws {GatewayError} the gateway's coded error, GATEWAY_UNAVAILABLE (unreachable, timeout, a
   *   server error page) or GATEWAY_BAD_RESPONSE (an answer that does not match the schema)
   */
  request<S extends z.ZodType>(request: GatewayRequest<S>): Promise<z.output<S>>;
};

const DEFAULT_TIMEOUT_MS = 10_000;

/** A GraphQL client of the luma-pulse gateway for the bots: JSON over `fetch`, typed errors, a timeout. */
export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const endpoint = graphqlEndpointOf(options.url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetch ?? globalThis.fetch;

  async function request<S extends z.ZodType>(req: GatewayRequest<S>): Promise<z.output<S>> {
    const headers: Record<string, string> = {
      // JSON is what the gateway's CSRF protection accepts without an extra header.
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      "accept-language": req.locale === "zh" ? "zh-CN, zh;q=0.9" : "en",
    };
    if (options.apiKey) headers["x-api-key"] = options.apiKey;
    if (req.serviceToken) {
      // Without the token the gateway refuses with SERVICE_TOKEN_REQUIRED: a clear, coded answer.
      if (options.serviceToken) headers.authorization = `Bearer ${options.serviceToken}`;
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const body = await postJson(
      fetchImpl,
      endpoint,
      headers,
      { query: req.document, variables: req.variables ?? {} },
      signal,
      timeout,
    );
    const parsed = req.data.safeParse(body.data);
    if (!parsed.success) {
      throw new GatewayError(
        "GATEWAY_BAD_RESPONSE",
        {},
        {
          message: `the gateway's answer does not match the operation: ${parsed.error.message.slice(0, 500)}`,
        },
      );
    }
    return parsed.data;
  }

  return { endpoint, request };
}

type GraphqlBody = { data?: unknown; errors?: GraphqlErrorEntry[] };

async function postJson(
  fetchImpl: typeof fetch,
  endpoint: string,
  headers: Record<string, string>,
  payload: unknown,
  signal: AbortSignal,
  timeout: AbortSignal,
): Promise<GraphqlBody> {
  let status = 0;
  try {
    const response = await fetchImpl(endpoint, {
      method: "POST",
      headers,
      body: JSON.stringify(payload),
      signal,
    });
    status = response.status;
    const text = await response.text();
    const body = parseBody(text);
    if (body?.errors?.length) throw gatewayErrorOf(body.errors, status);
    if (body === undefined || body.data === undefined || body.data === null) {
      // A proxy's HTML error page, a 502 while the gateway restarts: nothing GraphQL to read.
      throw unavailableError("http", `HTTP ${status}: ${text.slice(0, 200)}`);
    }
    return body;
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    if (timeout.aborted) throw unavailableError("timeout", `no answer from ${endpoint} in time`, error);
    if (signal.aborted) throw error; // the caller cancelled: not the gateway's fault
    throw unavailableError("network", `${endpoint}: ${String(error)}`, error);
  }
}

function parseBody(text: string): GraphqlBody | undefined {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === "object" && body !== null ? (body as GraphqlBody) : undefined;
  } catch {
    return undefined;
  }
}

/** Accepts the gateway's origin or its endpoint, with or without a trailing slash. */
function graphqlEndpointOf(url: string): string {
  const trimmed = url.replace(/\/+$/, "");
  return trimmed.endsWith("/graphql") ? trimmed : `${trimmed}/graphql`;
}
