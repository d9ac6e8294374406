/**
 * Run by {@link ../helpers/telegramGateway.ts} as a child process, never imported: the gateway on
 * LUMA_BENCH_MANIFEST and DATABASE_URL, in a process of its own as it runs in production (the bot
 * must not share its event loop). Prints `listening <url>`; stops on SIGTERM.
 */
import { createDbConfig, openDatabase } from "@luma-pulse/db";
import { readManifest } from "@luma-pulse/protocol";
import { createGatewayConfig, startGateway } from "../../services/gateway/src/index.ts";

const manifest = await readManifest(process.env.LUMA_BENCH_MANIFEST ?? "");
const database = await openDatabase(createDbConfig(process.env));
const { protection } = createGatewayConfig(process.env);
const gateway = await startGateway({ database, manifest, port: 0, log: () => {}, protection });
process.on("SIGTERM", async () => {
  await gateway.stop();
  await database.close();
  process.exit(0);
});
console.log(`listening ${gateway.url}`);
