/**
 * What a SIWE message must name to sign in to this gateway, from its public URL: `domain` is the
 * host (with the port, if any, as EIP-4361's authority has it) and `uri` the public URL itself.
 */
export function siweOrigin(publicUrl: string) {
  const url = new URL(publicUrl);
  return { domain: url.host, uri: publicUrl, origin: url.origin };
}
