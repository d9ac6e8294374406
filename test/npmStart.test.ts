import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDevnetClient } from "@luma-pulse/devnet";
import { type DeploymentManifest, readManifest, SORA_MAX_SUPPLY } from "@luma-pulse/protocol";
import {
  constantProductPoolAbi,
  optionStakingAbi,
  rebaseStakingAbi,
  soraAbi,
} from "@luma-pulse/protocol/abis";
import getPort from "get-port";
import { parseUnits } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatInputInteraction } from "./helpers/discord/chatInputInteraction.ts";
import { startDiscordApiStandIn } from "./helpers/discord/startDiscordApiStandIn.ts";
import { type StartedProcess, spawnNpmStart } from "./helpers/spawnNpmStart.ts";
import { startBotApiStandIn } from "./helpers/telegram/startBotApiStandIn.ts";
import { commandUpdate } from "./helpers/telegram/telegramUpdates.ts";

const DAY = 86_400n;

async function stop(started: StartedProcess) {
  started.child.kill("SIGINT");
  return started.exited;
}

async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolve(true)));
  });
}

describe("npm start", () => {
  let dataDir: string;
  let port: number;
  let gatewayPort: number;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "luma-start-"));
    port = await getPort();
    gatewayPort = await getPort();
    env = { LUMA_DATA_DIR: dataDir, ANVIL_PORT: String(port), PORT: String(gatewayPort) };
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  describe("on a fresh machine", () => {
    let manifest: DeploymentManifest;
    let client: ReturnType<typeof createDevnetClient>;
    let started: StartedProcess;

    beforeAll(async () => {
      // The simulator stays off in this first run so the seeded figures can be read exactly.
      started = spawnNpmStart({ ...env, LUMA_SIMULATOR: "0" });
      await started.waitFor(/is ready/, 170_000);
      manifest = await readManifest(join(dataDir, "devnet", "manifest.json"));
      client = createDevnetClient({
        rpcUrl: manifest.rpcUrl,
        chainId: manifest.chainId,
        account: "0x0000000000000000000000000000000000000001",
        multicall3: manifest.contracts.multicall3,
      });
    }, 180_000);

    it("prints the RPC URL and the manifest's path", () => {
      expect(started.output()).toContain(`http://127.0.0.1:${port}`);
      expect(started.output()).toContain(join(dataDir, "devnet", "manifest.json"));
      expect(manifest.rpcUrl).toBe(`http://127.0.0.1:${port}`);
    });

    it("seeds exactly 161,076,068.906 SORA burned (76.7% of supply)", async () => {
      const burned = await client.readContract({
        address: manifest.contracts.sora,
        abi: soraAbi,
        functionName: "totalBurned",
      });
      const supply = await client.readContract({
        address: manifest.contracts.sora,
        abi: soraAbi,
        functionName: "totalSupply",
      });
      expect(burned).toBe(parseUnits("161076068.906", 18));
      expect(supply).toBe(SORA_MAX_SUPPLY - burned);
      expect((burned * 1000n) / SORA_MAX_SUPPLY).toBe(767n);
      expect(started.output()).toMatch(/161,076,068\.906 burned \(76\.7%\)/);
    });

    it("prices SORA near $0.03 through the SORA/LUMA and LUMA/USDT pools", async () => {
      const [sora, lumaInSoraPool] = await client.readContract({
        address: manifest.contracts.soraLumaPool,
        abi: constantProductPoolAbi,
        functionName: "getReserves",
      });
      const [luma, usdt] = await client.readContract({
        address: manifest.contracts.lumaUsdtPool,
        abi: constantProductPoolAbi,
        functionName: "getReserves",
      });
      // USDT base units (6 decimals) per whole SORA.
      const price = (lumaInSoraPool * usdt * 10n ** 18n) / (sora * luma);
      expect(price).toBeGreaterThanOrEqual(29_700n);
      expect(price).toBeLessThanOrEqual(30_300n);
    });

    it("has hundreds of option positions opened over the months since launch, with SORA quota", async () => {
      const count = await client.readContract({
        address: manifest.contracts.optionStaking,
        abi: optionStakingAbi,
        functionName: "positionCount",
      });
      expect(count).toBeGreaterThanOrEqual(300n);
      const positions = await client.multicall({
        allowFailure: false,
        contracts: [0n, count / 2n, count - 1n].map(
          (id) =>
            ({
              address: manifest.contracts.optionStaking,
              abi: optionStakingAbi,
              functionName: "getPosition",
              args: [id],
            }) as const,
        ),
      });
      const starts = positions.map((p) => BigInt(p.start));
      expect((starts[2] ?? 0n) - (starts[0] ?? 0n)).toBeGreaterThan(300n * DAY);
      const quotaGrants = await client.getContractEvents({
        address: manifest.contracts.soraLumaPool,
        abi: [
          {
            type: "event",
            name: "QuotaGranted",
            inputs: [
              { name: "account", type: "address", indexed: true },
              { name: "amount", type: "uint256", indexed: false },
              { name: "newQuota", type: "uint256", indexed: false },
            ],
          },
        ],
        fromBlock: manifest.startBlock,
      });
      expect(new Set(quotaGrants.map((g) => g.args.account)).size).toBeGreaterThanOrEqual(300);
    });

    it("has rebase stakers and a year of epochs, with chain time at today's date", async () => {
      const epoch = await client.readContract({
        address: manifest.contracts.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "epoch",
      });
      const staked = await client.readContract({
        address: manifest.contracts.rebaseStaking,
        abi: rebaseStakingAbi,
        functionName: "totalSupply",
      });
      const launch = BigInt(manifest.launchTime.getTime() / 1000);
      const now = (await client.getBlock()).timestamp;
      expect(epoch).toBe((now - launch) / (8n * 3_600n));
      expect(staked).toBeGreaterThan(parseUnits("100000", 18));
      expect(now - BigInt(Math.floor(Date.now() / 1000))).toBeLessThan(3_600n);
    });

    it("serves GraphQL at the printed URL and is ready once the seeded history is indexed", async () => {
      const gateway = `http://127.0.0.1:${gatewayPort}`;
      expect(started.output()).toContain(`${gateway}/graphql`);
      const deadline = Date.now() + 60_000;
      while ((await fetch(`${gateway}/readyz`)).status !== 200) {
        if (Date.now() > deadline) throw new Error("the gateway never became ready");
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const response = await fetch(`${gateway}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: "{ protocol { chainId block { number } indexer { indexedBlock lagBlocks } } }",
        }),
      });
      const { data } = (await response.json()) as {
        data: { protocol: { chainId: number; block: { number: string }; indexer: { indexedBlock: string } } };
      };
      expect(data.protocol.chainId).toBe(manifest.chainId);
      expect(BigInt(data.protocol.indexer.indexedBlock)).toBeGreaterThanOrEqual(
        BigInt(data.protocol.block.number) - 50n,
      );
    });

    it("stops everything on Ctrl-C and frees the chain's and the gateway's ports", async () => {
      expect(await stop(started)).toBe(0);
      expect(await portIsFree(port)).toBe(true);
      expect(await portIsFree(gatewayPort)).toBe(true);
    });
  });

  describe("started a second time", () => {
    it("reuses the previous chain, and the simulator keeps burns and rebases coming", async () => {
      // On any free port this time: the manifest must follow.
      const started = spawnNpmStart({ ...env, ANVIL_PORT: "0", PORT: "0", LUMA_SIMULATOR_TICK_MS: "500" });
      try {
        await started.waitFor(/is ready/, 60_000);
        expect(started.output()).toMatch(/reused from the previous run/);
        const manifest = await readManifest(join(dataDir, "devnet", "manifest.json"));
        const client = createDevnetClient({
          rpcUrl: manifest.rpcUrl,
          chainId: manifest.chainId,
          account: manifest.contracts.pop,
        });
        const fromBlock = await client.getBlockNumber();
        const burnedBefore = await client.readContract({
          address: manifest.contracts.sora,
          abi: soraAbi,
          functionName: "totalBurned",
        });
        expect(burnedBefore).toBeGreaterThanOrEqual(parseUnits("161076068.906", 18));
        await new Promise((resolve) => setTimeout(resolve, 15_000));
        const burns = await client.getContractEvents({
          address: manifest.contracts.sora,
          abi: soraAbi,
          eventName: "SoraBurned",
          fromBlock,
        });
        const rebases = await client.getContractEvents({
          address: manifest.contracts.rebaseStaking,
          abi: rebaseStakingAbi,
          eventName: "Rebase",
          fromBlock,
        });
        expect(burns.length).toBeGreaterThanOrEqual(3);
        expect(rebases.length).toBeGreaterThanOrEqual(2);
      } finally {
        expect(await stop(started)).toBe(0);
      }
    }, 90_000);
  });

  describe("with bot tokens set", () => {
    it("runs the Telegram and Discord bots against the gateway: both answer a command, Ctrl-C stops them", async () => {
      // Telegram's and Discord's servers are out of reach: their local stand-ins take the bots' calls.
      const telegramApi = await startBotApiStandIn();
      const discordApi = await startDiscordApiStandIn();
      const started = spawnNpmStart({
        ...env,
        ANVIL_PORT: "0",
        PORT: "0",
        LUMA_SIMULATOR: "0",
        TELEGRAM_BOT_TOKEN: telegramApi.token,
        TELEGRAM_API_ROOT: telegramApi.apiRoot,
        DISCORD_TOKEN: discordApi.token,
        DISCORD_APPLICATION_ID: discordApi.applicationId,
        DISCORD_API_ROOT: discordApi.apiRoot,
      });
      try {
        const output = await started.waitFor(/is ready/, 90_000);
        expect(output).toMatch(/telegram {2}@\S+ \(long polling\)/);
        expect(output).toMatch(/discord {3}\S+/);

        telegramApi.pushUpdate(
          commandUpdate({ text: "/price", chat: "private", from: { id: 42, languageCode: "zh" } }),
        );
        const reply = await telegramApi.waitFor(
          (call) => call.method === "sendMessage" && call.ok && String(call.chatId) === "42",
          20_000,
        );
        expect(String(reply.params.text)).toMatch(/SORA/);

        await discordApi.waitForGatewayReady();
        const interaction = chatInputInteraction({
          applicationId: discordApi.applicationId,
          command: "price",
          locale: "en-US",
        });
        discordApi.dispatchInteraction(interaction);
        const deadline = Date.now() + 20_000;
        while (!discordApi.interactionReply(interaction.token)?.edits && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(JSON.stringify(discordApi.interactionReply(interaction.token)?.body)).toMatch(/SORA/);
      } finally {
        expect(await stop(started)).toBe(0);
        await telegramApi.close();
        await discordApi.close();
      }
    }, 150_000);
  });

  describe("interrupted", () => {
    it("stops anvil on Ctrl-C during seeding and leaves no manifest, so the next start seeds anew", async () => {
      const interruptedDir = join(dataDir, "interrupted");
      const interruptedPort = await getPort();
      const started = spawnNpmStart({
        ...env,
        LUMA_DATA_DIR: interruptedDir,
        ANVIL_PORT: String(interruptedPort),
      });
      await started.waitFor(/seeding/, 60_000);
      started.child.kill("SIGINT");
      expect(await started.exited).toBe(0);
      expect(await portIsFree(interruptedPort)).toBe(true);
      await expect(readManifest(join(interruptedDir, "devnet", "manifest.json"))).rejects.toThrow(
        /No deployment manifest/,
      );
    }, 90_000);
  });

  describe("bad input", () => {
    it("error: a port already in use gets one clear line and exit code 1", async () => {
      const busy = createServer();
      const busyPort = await getPort();
      await new Promise<void>((resolve) => busy.listen({ port: busyPort, host: "127.0.0.1" }, resolve));
      try {
        const started = spawnNpmStart({
          ...env,
          LUMA_DATA_DIR: join(dataDir, "busy"),
          ANVIL_PORT: String(busyPort),
        });
        expect(await started.exited).toBe(1);
        expect(started.output()).toMatch(new RegExp(`Port ${busyPort} is already in use.*ANVIL_PORT`));
        expect(started.output()).not.toMatch(/\n\s+at /); // no stack trace
      } finally {
        busy.close();
      }
    });

    it("error: the gateway's port in use gets one clear line, and the chain it started is stopped", async () => {
      const busy = createServer();
      const busyPort = await getPort();
      await new Promise<void>((resolve) => busy.listen({ port: busyPort, host: "127.0.0.1" }, resolve));
      try {
        const chainPort = await getPort();
        const started = spawnNpmStart({
          ...env,
          ANVIL_PORT: String(chainPort),
          PORT: String(busyPort),
          LUMA_SIMULATOR: "0",
        });
        expect(await started.exited).toBe(1);
        expect(started.output()).toMatch(new RegExp(`Port ${busyPort} is already in use.*set PORT`));
        expect(await portIsFree(chainPort)).toBe(true);
      } finally {
        busy.close();
      }
    });

    it("error: a broken manifest says what is wrong and how to start fresh", async () => {
      const broken = join(dataDir, "broken");
      await rm(broken, { recursive: true, force: true });
      const devnetDir = join(broken, "devnet");
      await mkdir(devnetDir, { recursive: true });
      await writeFile(join(devnetDir, "manifest.json"), '{ "version": 1, "chainId": ');
      await writeFile(join(devnetDir, "anvil-state.json"), "{}");
      const started = spawnNpmStart({ ...env, LUMA_DATA_DIR: broken, ANVIL_PORT: String(await getPort()) });
      expect(await started.exited).toBe(1);
      expect(started.output()).toMatch(/manifest\.json.*not valid JSON.*LUMA_DEVNET_FRESH=1 npm start/s);
      expect(started.output()).not.toMatch(/\n\s+at /);
    });

    it("error: a damaged chain state file says what is wrong and how to start fresh", async () => {
      const damaged = join(dataDir, "damaged", "devnet");
      await mkdir(damaged, { recursive: true });
      await copyFile(join(dataDir, "devnet", "manifest.json"), join(damaged, "manifest.json"));
      await writeFile(join(damaged, "anvil-state.json"), '{"block": {"number": "0x');
      const started = spawnNpmStart({
        ...env,
        LUMA_DATA_DIR: join(dataDir, "damaged"),
        ANVIL_PORT: String(await getPort()),
      });
      expect(await started.exited).toBe(1);
      expect(started.output()).toMatch(/anvil-state\.json is damaged.*LUMA_DEVNET_FRESH=1 npm start/);
    });

    it("error: an unreachable DATABASE_URL fails fast naming the database and the fix", async () => {
      const deadPort = await getPort();
      const t0 = performance.now();
      const started = spawnNpmStart({
        ...env,
        LUMA_DATA_DIR: join(dataDir, "nodb"),
        ANVIL_PORT: String(await getPort()),
        DATABASE_URL: `postgresql://luma:secret@127.0.0.1:${deadPort}/luma`,
      });
      expect(await started.exited).toBe(1);
      expect(performance.now() - t0).toBeLessThan(30_000);
      expect(started.output()).toMatch(
        /Cannot reach the database at postgresql:\/\/luma:\*\*\*@127\.0\.0\.1/,
      );
      expect(started.output()).toMatch(/unset DATABASE_URL/);
      expect(started.output()).not.toContain("secret");
    });
  });
});
