export * from "./createLogger.ts";
export * from "./createMetricsRegistry.ts";
export * from "./createOpsConfig.ts";
export * from "./handleShutdownSignals.ts";
export * from "./Readiness.ts";
export * from "./startOpsServer.ts";
