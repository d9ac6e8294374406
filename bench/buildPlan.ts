/**
 * How long building a transaction plan takes through GraphQL — reads, eth_simulateV1 of every step,
 * the intent stored — per action (issue 4's bar: p95 under 150 ms on the devnet):
 * `npx tsx bench/buildPlan.ts [plans per action=200]`.
 *
 * A freshly seeded devnet with its activity simulator running (a block every second, chain time
 * moving), one account funded for every action (a position, POP, LUMA, sLUMA, SORA and quota), the
 * gateway in a child process as in production (on embedded PGlite and, when PostgreSQL answers at
 * BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres, on a throwaway database
 * there too), caught up with the chain first. Plans are requested one after the other, as a bot
 * does for its members; each answer is checked to be a plan, not an error.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { DeploymentManifest } from "@luma-pulse/protocol";
import { getAddress, parseEther, parseUnits } from "viem";
import { startChildGateway } from "./helpers/childGateway.ts";
import { createThrowawayDatabase } from "./helpers/createThrowawayDatabase.ts";

/** Not one of anvil's accounts, so the activity simulator never touches its balances. */
const BENCH_ACCOUNT = getAddress("0x00000000000000000000000000000000be9c4a11");
const e18 = (value: string) => parseUnits(value, 18);

/** What a bot asks for when it plans: the link, the code, each step's line, what happens. */
const INTENT_FIELDS =
  "id verificationCode expiresAt steps { index summary to data gas } outcome { receive { formatted symbol } bound { kind } simulatedAtBlock } links { page }";

type PlanRequest = { action: string; mutation: string; args: string };

/**
 * Gives the bench account everything the seven plans need: an option position (with SORA quota),
 * POP and LUMA to stake, sLUMA to unstake, SORA to sell. It is impersonated on anvil to act itself.
 */
async function fundBenchAccount(manifest: DeploymentManifest): Promise<bigint> {
  const { connectDevnet, createDevnetActors } = await import("@luma-pulse/devnet");
  const { getAmountIn } = await import("@luma-pulse/protocol");
  const { mintableTokenAbi } = await import("@luma-pulse/protocol/abis");
  const { deployer } = await connectDevnet(manifest.rpcUrl, manifest.chainId, manifest.contracts.multicall3);
  const c = manifest.contracts;
  await deployer.impersonateAccount({ address: BENCH_ACCOUNT });
  await deployer.setBalance({ address: BENCH_ACCOUNT, value: parseEther("100") });
  const actors = createDevnetActors(deployer, c);
  const position = await actors.optionStake(BENCH_ACCOUNT, e18("10000"));
  for (const [token, amount] of [
    [c.pop, e18("1000000")],
    [c.luma, e18("1000000")],
  ] as const) {
    const hash = await deployer.writeContract({
      address: token,
      abi: mintableTokenAbi,
      functionName: "mint",
      args: [BENCH_ACCOUNT, amount],
    });
    await deployer.waitForTransactionReceipt({ hash });
  }
  await actors.rebaseStake(BENCH_ACCOUNT, parseUnits("10000", 6));
  const [soraReserve, lumaReserve] = await actors.read.reserves(c.soraLumaPool);
  const quota = await actors.read.quota(BENCH_ACCOUNT);
  await actors.buySora(BENCH_ACCOUNT, getAmountIn(quota / 2n, lumaReserve, soraReserve));
  return position;
}

function planRequests(position: bigint): PlanRequest[] {
  const account = `account: "${BENCH_ACCOUNT}"`;
  return [
    { action: "STAKE_POP", mutation: "planStakePop", args: `${account}, amount: "10"` },
    { action: "STAKE_LUMA", mutation: "planStakeLuma", args: `${account}, amount: "10"` },
    { action: "UNSTAKE_LUMA", mutation: "planUnstakeLuma", args: `${account}, amount: "1"` },
    {
      action: "CLAIM_RELEASED",
      mutation: "planClaimReleased",
      args: `${account}, positionId: "${position}"`,
    },
    { action: "RELEASE_EARLY", mutation: "planReleaseEarly", args: `${account}, positionId: "${position}"` },
    { action: "BUY_SORA", mutation: "planBuySora", args: `${account}, amount: "0.0001"` },
    { action: "SELL_SORA", mutation: "planSellSora", args: `${account}, amount: "0.1"` },
  ];
}

/** One plan, timed from request to parsed answer; throws with the errors if it is not a plan. */
async function timePlan(url: string, request: PlanRequest): Promise<number> {
  const query = `mutation { ${request.mutation}(${request.args}) { ${INTENT_FIELDS} } }`;
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
  const elapsed = performance.now() - started;
  if (body.errors || !body.data?.[request.mutation]) {
    throw new Error(`${request.mutation} answered with errors: ${JSON.stringify(body.errors)}`);
  }
  return elapsed;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function benchDatabase(
  label: string,
  env: Record<string, string>,
  requests: PlanRequest[],
  count: number,
) {
  const gateway = await startChildGateway({ manifestPath: env.LUMA_BENCH_MANIFEST ?? "", env });
  const { url } = gateway;
  try {
    // Warm-up: module loading, connections, JIT; and a check that every plan succeeds at all.
    for (const request of requests) for (let i = 0; i < 5; i++) await timePlan(url, request);
    console.log(`\n${label}: ${count} plans per action, one at a time (bar: p95 < 150 ms)`);
    console.log("action           p50 ms  p95 ms  p99 ms  max ms");
    for (const request of requests) {
      const times: number[] = [];
      for (let i = 0; i < count; i++) times.push(await timePlan(url, request));
      times.sort((a, b) => a - b);
      const cells = [50, 95, 99, 100].map((p) => percentile(times, p).toFixed(1).padStart(7));
      console.log(`${request.action.padEnd(15)} ${cells.join(" ")}`);
    }
  } finally {
    await gateway.stop();
  }
}

async function main() {
  const count = Number(process.argv[2] ?? 200);
  const { build } = await import("../scripts/build.ts");
  await build(() => {});
  const { createDevnetConfig, startDevnet } = await import("@luma-pulse/devnet");
  const dataDir = await mkdtemp(join(tmpdir(), "luma-build-plan-"));
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}; load average ${load()}`);
  const seedStart = performance.now();
  const devnet = await startDevnet(
    createDevnetConfig({ LUMA_DATA_DIR: dataDir, ANVIL_PORT: "0", LUMA_DEVNET_FRESH: "1" }),
    { log: () => {} },
  );
  console.log(`devnet seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; simulator running`);
  const postgres = await createThrowawayDatabase(
    process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    "plan",
  );
  try {
    const requests = planRequests(await fundBenchAccount(devnet.manifest));
    const base = { LUMA_BENCH_MANIFEST: devnet.manifestPath, LUMA_DATA_DIR: dataDir, DATABASE_URL: "" };
    await benchDatabase("PGlite", base, requests, count);
    if (postgres) await benchDatabase("PostgreSQL", { ...base, DATABASE_URL: postgres.url }, requests, count);
    else console.log("\nPostgreSQL: none answers at BENCH_POSTGRES_URL; skipped");
    console.log(`\nload average after: ${load()}`);
  } finally {
    await postgres?.drop();
    await devnet.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
// Everything it started is stopped by now, yet the process was seen idling on after the numbers
// (no active handle left to name); a measuring script has nothing more to do.
process.exit(0);
