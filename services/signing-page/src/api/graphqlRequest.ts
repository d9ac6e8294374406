import type { Locale } from "../i18n/translate.ts";

/** The gateway refused: its `extensions.code` and `params`, and its own (localized) message. */
export class GatewayError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly params: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

/** The gateway could not be reached, or answered with something that is not GraphQL. */
export class NetworkError extends Error {
  constructor(readonly status?: number) {
    super(status ? `HTTP ${status}` : "network error");
  }
}

type GraphqlResponse<T> = {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; params?: Record<string, unknown> } }[];
};

/**
 * POSTs one GraphQL operation as JSON (the gateway's CSRF rule lets JSON through) in the page's
 * language, so summaries and error messages come back in it. Throws {@link GatewayError} for the
 * first error of the answer, {@link NetworkError} when there is no usable answer.
 */
export async function graphqlRequest<T>(
  query: string,
  variables: Record<string, unknown>,
  { locale, endpoint = "/graphql" }: { locale: Locale; endpoint?: string },
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        "accept-language": locale,
      },
      body: JSON.stringify({ query, variables }),
      credentials: "omit",
      cache: "no-store",
    });
  } catch {
    throw new NetworkError();
  }
  const body = (await response.json().catch(() => undefined)) as GraphqlResponse<T> | undefined;
  const first = body?.errors?.[0];
  if (first) throw new GatewayError(first.message, first.extensions?.code, first.extensions?.params ?? {});
  if (!body?.data) throw new NetworkError(response.status);
  return body.data;
}
