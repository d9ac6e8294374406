/**
 * An RPC URL safe for logs and error messages: providers put their API key in the path
 * (`/v2/<key>`), the query or the userinfo, so all three become `***`; scheme, host and port stay,
 * which is what tells one endpoint from another. Text that is not a URL is cut at its first path,
 * query or credentials separator after the host for the same reason.
 */
export function maskRpcUrl(url: string): string {
  if (URL.canParse(url)) {
    const parsed = new URL(url);
    const credentials = parsed.username || parsed.password ? "***@" : "";
    const hidden = (parsed.pathname !== "/" && parsed.pathname !== "") || parsed.search || parsed.hash;
    return `${parsed.protocol}//${credentials}${parsed.host}${hidden ? "/***" : ""}`;
  }
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0] ?? "";
  const rest = url.slice(scheme.length);
  const credentials = rest.includes("@") ? "***@" : "";
  const afterCredentials = rest.slice(rest.lastIndexOf("@") + 1);
  const host = /^[^/?#]*/.exec(afterCredentials)?.[0] ?? "";
  return `${scheme}${credentials}${host}${host.length < afterCredentials.length ? "/***" : ""}`;
}
