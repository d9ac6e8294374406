import { DevnetError } from "./DevnetError.ts";

/** The one message for a host that is not an address of this machine. */
export function hostUnavailableError(host: string, cause?: unknown): DevnetError {
  return new DevnetError(
    "host_unavailable",
    `Cannot listen on ${host}: it is not an address of this machine. Use 127.0.0.1 (or 0.0.0.0 for all interfaces).`,
    { cause },
  );
}
