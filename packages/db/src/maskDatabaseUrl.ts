/**
 * The URL with its password replaced by `***`, safe for logs and error messages.
 * Anything that does not parse as a URL is returned unchanged: it cannot hold a readable password.
 */
export function maskDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}
