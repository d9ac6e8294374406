#!/usr/bin/env node
/**
 * The containers' health checks (docker-compose.yml), in plain JavaScript so that `node` runs it
 * without tsx's start-up cost every few seconds:
 *
 *   node deploy/healthcheck.mjs http://127.0.0.1:4000/readyz   GET answers 2xx
 *   node deploy/healthcheck.mjs --rpc http://127.0.0.1:8545 --file /data/devnet/manifest.json
 *                                                               the file exists and eth_chainId answers
 *
 * Exits 0 when healthy, 1 otherwise with one line saying why (compose shows it in `docker inspect`).
 */
import { existsSync } from "node:fs";

const TIMEOUT_MS = 3_000;

function parse(args) {
  const checks = { files: [] };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--rpc") checks.rpc = args[++i];
    else if (args[i] === "--file") checks.files.push(args[++i]);
    else checks.url = args[i];
  }
  return checks;
}

async function check({ url, rpc, files }) {
  for (const file of files) if (!existsSync(file)) return `${file} does not exist yet`;
  if (rpc) {
    const response = await fetch(rpc, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok || typeof body.result !== "string") return `${rpc} did not answer eth_chainId`;
  }
  if (url) {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return `${url} answered ${response.status} ${(await response.text()).slice(0, 200)}`;
  }
  return undefined;
}

const checks = parse(process.argv.slice(2));
if (!checks.url && !checks.rpc && checks.files.length === 0) {
  console.error("usage: healthcheck.mjs <url> | --rpc <url> [--file <path>]…");
  process.exit(2);
}
const problem = await check(checks).catch(
  (error) => `${checks.rpc ?? checks.url}: ${error.cause?.code ?? error.cause?.message ?? error.message}`,
);
if (problem) console.error(problem);
process.exit(problem ? 1 : 0);
