/** A third party's key: `name` (for logs and rate-limit buckets) and the secret it sends. */
export type ApiKey = { name: string; key: string };

/** Shortest key accepted: guessing must stay hopeless even at the anonymous rate limit. */
export const MIN_API_KEY_LENGTH = 16;

/**
 * Parses `API_KEYS` (`name1:key1,name2:key2`; empty = no keys). Throws one line naming the bad
 * entry by position and name — never the key itself, since the message ends up in logs.
 */
export function parseApiKeys(value: string | undefined): ApiKey[] {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const keys: ApiKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(":");
    const name = colon > 0 ? entry.slice(0, colon).trim() : "";
    const key = colon > 0 ? entry.slice(colon + 1).trim() : "";
    const where = `entry ${index + 1}${name ? ` (${name})` : ""}`;
    if (!/^[\w.-]+$/.test(name)) {
      throw new Error(
        `API_KEYS ${where} is invalid: expected name:key with a name of letters, digits, _ . -.`,
      );
    }
    if (key.length < MIN_API_KEY_LENGTH || /\s/.test(key)) {
      throw new Error(
        `API_KEYS ${where} is invalid: the key must be at least ${MIN_API_KEY_LENGTH} characters without spaces.`,
      );
    }
    if (keys.some((other) => other.name === name))
      throw new Error(`API_KEYS ${where} is invalid: the name is used twice.`);
    if (keys.some((other) => other.key === key))
      throw new Error(`API_KEYS ${where} is invalid: the key is used twice.`);
    keys.push({ name, key });
  }
  return keys;
}
