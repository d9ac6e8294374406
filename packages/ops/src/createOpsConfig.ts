import { z } from "zod";
import { LOG_LEVELS, type LogLevel } from "./createLogger.ts";

export type OpsConfig = {
  /** LOG_LEVEL: the quietest level still written (default info). */
  logLevel: LogLevel;
  /** OPS_PORT: the /healthz, /readyz and /metrics server of a process without its own HTTP server. */
  opsPort: number;
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
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ error: "expected a number of milliseconds" })
    .int({ error: "expected a whole number of milliseconds" })
    .min(1_000, { error: "expected at least 1000 ms" })
    .max(600_000, { error: "expected at most 600000 ms" })
    .default(25_000),
});

/**
 * Reads the settings every service shares: logging, the ops port, the shutdown drain.
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
    shutdownTimeoutMs: parsed.data.SHUTDOWN_TIMEOUT_MS,
  };
}
