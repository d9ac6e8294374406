import { createHash } from "node:crypto";
import type { ApiKey } from "./parseApiKeys.ts";

const digest = (key: string) => createHash("sha256").update(key).digest("hex");

/** Finds the name of a presented API key. */
export type ApiKeyRegistry = { nameOf(presented: string): string | undefined };

/**
 * Looks keys up by their SHA-256, so the comparison never walks a secret character by character
 * (no timing hint) and the registry holds no key in clear.
 */
export function createApiKeyRegistry(keys: readonly ApiKey[]): ApiKeyRegistry {
  const names = new Map(keys.map(({ name, key }) => [digest(key), name]));
  return { nameOf: (presented) => names.get(digest(presented.trim())) };
}
