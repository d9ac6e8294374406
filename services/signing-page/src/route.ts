/** Which page a path asks for: `/sign/<id>` (an intent) or `/link/<id>` (a wallet-link challenge). */
export type Route = { page: "sign" | "link"; id: string };

/** Reads the page and id from `location.pathname`; undefined for anything else. */
export function routeOf(pathname: string): Route | undefined {
  const match = /^\/(sign|link)\/([^/]+)\/?$/.exec(pathname);
  if (!match) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(match[2] as string);
  } catch {
    return undefined;
  }
  // Ids are base64url; anything else cannot name an intent or a challenge.
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return undefined;
  return { page: match[1] as Route["page"], id };
}
