/**
 * Run by {@link ./childGateway.ts} as a child process, never imported: the gateway on
 * LUMA_BENCH_MANIFEST and the configured database (DATABASE_URL, or PGlite in LUMA_DATA_DIR), in a
 * process of its own as in production (load generators and bots must not share its event loop).
 * Prints `listening <url>`; on SIGTERM prints `memory {…}` (process.memoryUsage()) and stops.
 */
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { readManifest } from "@luma-pulse/protocol";
import { createGatewayConfig, startGateway } from "../../services/gateway/src/index.ts";

const manifest = await readManifest(process.env.LUMA_BENCH_MANIFEST ?? "");
const database = await openDatabase(createDbConfig(process.env));
const { protection } = createGatewayConfig(process.env);
const gateway = await startGateway({ database, manifest, port: 0, log: () => {}, protection });
process.on("SIGTERM", async () => {
  // Where the memory is, for the parent's report: V8's heap vs the rest (code, WebAssembly, buffers).
  console.log(`memory ${JSON.stringify(process.memoryUsage())}`);
  await gateway.stop();
  await database.close();
  process.exit(0);
});
console.log(`listening ${gateway.url}`);
