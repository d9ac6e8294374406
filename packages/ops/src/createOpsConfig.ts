import { z } from "zod";
import { LOG_LEVELS, type LogLevel } from "./createLogger.ts";

export type OpsConfig = {
  /** LOG_LEVEL: the quietest level still written (default info). */
  logLevel: LogLevel;
  /** OPS_PORT: the /healthz, /readyz and /metrics server of a process without its own HTTP server. */
  opsPort: number;
  /** OPS_HOST: the interface that server binds (default 0.0.0.0, every interface). */
  opsHost: string;
  /** SHUTDOWN_TIMEOUT_MS: how long SIGTERM may drain before the process exits anyway. */
  shutdownTimeoutMs: number;
};

const envSchema = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  OPS_PORT: z.coerce
    .number({ error: "expected a port number" })
    .int({ error: "expected a port number" })
    .min(0, { error: "expected a port between 1 and 65535 (or 0 for any free port)" })
    .max(65_535, { error: "expected a port between 1 and 65535 (or 0 for any free port)" })
    .optional(),
  OPS_HOST: z
    // Digits and dots pass as a hostname: only a valid IPv4 address may look like one.
    .union([z.ipv4(), z.ipv6(), z.hostname().refine((host) => !/^[\d.]+$/.test(host))], {
      error: "expected an IP address or a hostname of the interface to bind",
    })
    .default("0.0.0.0"),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ error: "expected a number of milliseconds" })
    .int({ error: "expected a whole number of milliseconds" })
    .min(1_000, { error: "expected at least 1000 ms" })
    .max(600_000, { error: "expected at most 600000 ms" })
    .default(25_000),
});

/**
 * Reads the settings every service shares: logging, the ops server's port and host, the shutdown drain.
 * @param defaults.opsPort - this service's default OPS_PORT (Telegram 9464, Discord 9465)
 * @throws {Error} one line per bad variable, naming it
 */
export function createOpsConfig(
  env: Record<string, string | undefined>,
  defaults: { opsPort: number } = { opsPort: 0 },
): OpsConfig {
  const input = Object.fromEntries(
    Object.keys(envSchema.shape).map((name) => [name, env[name]?.trim() ? env[name]?.trim() : undefined]),
  );
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues
        .map((issue) => {
          const name = String(issue.path[0]);
          return `${name}=${input[name]} is invalid: ${issue.message}.`;
        })
        .join("\n"),
    );
  }
  return {
    logLevel: parsed.data.LOG_LEVEL,
    opsPort: parsed.data.OPS_PORT ?? defaults.opsPort,
    opsHost: parsed.data.OPS_HOST,
    shutdownTimeoutMs: parsed.data.SHUTDOWN_TIMEOUT_MS,
  };
}
