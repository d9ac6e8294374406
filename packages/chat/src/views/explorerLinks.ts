/**
 * Where transactions can be looked at: a block explorer's URL template with `{hash}` in it
 * (`https://explorer.example/tx/{hash}`). The devnet has no explorer: then views show the hash.
 */
export type ExplorerLinks = { txUrlTemplate?: string };

/** The explorer URL of a transaction, or undefined without an explorer. */
export function txUrl(explorer: ExplorerLinks | undefined, hash: string): string | undefined {
  const template = explorer?.txUrlTemplate;
  return template?.includes("{hash}") ? template.replaceAll("{hash}", encodeURIComponent(hash)) : undefined;
}
