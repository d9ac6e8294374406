import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger } from "pino";

/** The levels LOG_LEVEL accepts, quietest last. */
export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * A JSON-lines logger (pino) for one service: every line carries `service`, an ISO `time` and the
 * level as a word, so that log shippers and `jq` need no pino-specific decoding.
 *
 * @param options.destination - where lines go (tests: a stream they read); default stdout
 */
export function createLogger(options: {
  service: string;
  level?: LogLevel;
  destination?: DestinationStream;
}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * Adapts a logger to the `log(message, extra?)` callbacks that the project's components take, so that
 * they stay free of any logging library. Messages that say something failed go out as warnings.
 */
export function toLogFunction(logger: Logger): (message: string, extra?: object) => void {
  return (message, extra) => {
    const level = /\b(fail|failed|error|cannot|lost|refused|unreachable|gave up)\b/i.test(message)
      ? "warn"
      : "info";
    if (extra) logger[level](extra, message);
    else logger[level](message);
  };
}
