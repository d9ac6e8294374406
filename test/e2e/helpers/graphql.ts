/** A GraphQL answer as a test reads it. */
export type GraphqlAnswer<T> = {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; params?: Record<string, unknown> } }[];
};

/** POSTs a document with variables as JSON to `<gatewayUrl>/graphql`, as a bot or the page would. */
export async function graphql<T>(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphqlAnswer<T>> {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlAnswer<T>;
}

/** The data of an answer that must have succeeded; its errors otherwise, as the thrown message. */
export async function graphqlData<T>(...args: Parameters<typeof graphql>): Promise<T> {
  const answer = await graphql<T>(...args);
  if (answer.errors?.length || !answer.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  }
  return answer.data;
}
