/** A GraphQL answer as a test reads it: `data` as the query shaped it, errors with their code. */
export type GraphqlBody = {
  // biome-ignore lint/suspicious/noExplicitAny: the query decides the shape
  data?: any;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; params?: Record<string, unknown>; retryable?: boolean };
  }[];
};

/** POSTs `query` as JSON to `<url>/graphql`, as a third-party client would; extra headers merge in. */
export async function postGraphql(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  return { response, status: response.status, body: (await response.json()) as GraphqlBody };
}

/** The first error's `extensions.code`. */
export const errorCodeOf = (body: GraphqlBody) => body.errors?.[0]?.extensions?.code;
