/** Why a local chain could not be started. Stable: scripts branch on it. */
export type DevnetErrorCode =
  | "port_in_use"
  | "host_unavailable"
  | "unsupported_platform"
  | "anvil_not_installed"
  | "anvil_failed"
  | "invalid_config"
  | "invalid_manifest"
  | "invalid_state";

/** A devnet that could not start, with a one-line message that says what to do. */
export class DevnetError extends Error {
  override readonly name = "DevnetError";
  /** Machine-readable reason. */
  readonly code: DevnetErrorCode;

  constructor(code: DevnetErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
