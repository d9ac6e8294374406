import type { DomainError } from "../errors/domainError.ts";

/**
 * A complete GraphQL response (`{ errors: [...] }`) for a request refused before GraphQL runs —
 * rate limited, unknown key — with the error's HTTP status and any extra headers.
 */
export function codedErrorResponse(
  fetchAPI: { Response: typeof Response },
  error: DomainError,
  headers: Record<string, string> = {},
): Response {
  const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
  const { code, params } = error.extensions;
  return new fetchAPI.Response(
    JSON.stringify({ errors: [{ message: error.message, extensions: { code, params } }] }),
    {
      status,
      headers: { "content-type": "application/json; charset=utf-8", ...headers },
    },
  );
}
