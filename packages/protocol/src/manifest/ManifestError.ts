/** Why a deployment manifest could not be used. Stable: scripts and services branch on it. */
export type ManifestErrorCode = "missing" | "unreadable" | "not_json" | "invalid" | "wrong_chain";

/**
 * A deployment manifest that cannot be used, with a one-line message that says what to do.
 * Services print `message` and exit at start; nothing here is meant for chat users.
 */
export class ManifestError extends Error {
  override readonly name = "ManifestError";
  /** Machine-readable reason. */
  readonly code: ManifestErrorCode;
  /** The manifest's path (or URL) concerned, when known. */
  readonly path: string | undefined;
  /** For `invalid`: the first bad field, dotted ("contracts.sora"), or "" for the document itself. */
  readonly field: string | undefined;

  constructor(
    code: ManifestErrorCode,
    message: string,
    details: { path?: string; field?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.path = details.path;
    this.field = details.field;
  }
}
