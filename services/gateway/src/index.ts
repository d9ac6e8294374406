export * from "./config.ts";
export * from "./startGateway.ts";
export * from "./yoga.ts";
