import { execFile, execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { deferTeardown } from "./helpers/deferTeardown.ts";

const ROOT = join(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const packageJson = JSON.parse(read("package.json")) as {
  scripts: Record<string, string>;
  workspaces: string[];
};
const APP_SERVICES = ["devnet", "migrate", "gateway", "telegram", "discord"];
const SECRETS = { POSTGRES_PASSWORD: "compose-test-password", GATEWAY_SERVICE_TOKEN: "t".repeat(64) };

type Service = {
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: (string | { source: string; target: string })[];
  ports?: (string | { published: string | number; target: number })[];
  scale?: number;
  deploy?: { replicas?: number };
  restart?: string;
  profiles?: string[];
  stop_grace_period?: string;
};
type ComposeFile = { services: Record<string, Service>; volumes?: Record<string, unknown> };

/** YAML as JSON through docker-compose's own Python YAML library (Debian's docker-compose needs it). */
function yamlToJson(yaml: string): ComposeFile {
  const script = "import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: yaml, encoding: "utf8" }));
}

/**
 * `docker-compose config` on a copy of docker-compose.yml next to a `.env` holding `env` (compose
 * reads both from the file's folder; the repository's own .env must not count). All profiles on.
 */
function composeConfig(env: Record<string, string>): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  const dir = mkdtempSync(join(tmpdir(), "luma-compose-"));
  try {
    copyFileSync(join(ROOT, "docker-compose.yml"), join(dir, "docker-compose.yml"));
    writeFileSync(
      join(dir, ".env"),
      Object.entries(env)
        .map(([name, value]) => `${name}=${value}\n`)
        .join(""),
    );
    const args = [
      "-f",
      join(dir, "docker-compose.yml"),
      "--profile",
      "telegram",
      "--profile",
      "discord",
      "config",
    ];
    // Only PATH: the machine's own POSTGRES_PASSWORD and the like must not leak into the check.
    const result = spawnSync("docker-compose", args, { encoding: "utf8", env: { PATH: process.env.PATH } });
    if (result.error)
      throw new Error(`docker-compose cannot run (${result.error.message}): .ci/run installs it`);
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The main.ts a service's `node --import tsx <file>` command runs. */
function entryPoint(service: Service): string {
  const [node, flag, loader, file, ...rest] = service.command ?? [];
  expect([node, flag, loader, rest]).toEqual(["node", "--import", "tsx", []]);
  return file ?? "";
}

/** A service's mounts as "source:target" (1.29 prints "source:target:mode", compose v2 objects). */
function mounts(service: Service | undefined): string[] {
  return (service?.volumes ?? []).map((volume) =>
    typeof volume === "string"
      ? volume.split(":").slice(0, 2).join(":")
      : `${volume.source}:${volume.target}`,
  );
}

/** A compose duration ("30s", "1m", "1m0s") in seconds. */
function seconds(duration: string | undefined): number {
  const match = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration ?? "");
  if (!match || duration === "") throw new Error(`not a duration: ${duration}`);
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

/** `NAME=` or `# NAME=` lines of .env.example. */
function documentedVariables(): Set<string> {
  return new Set(
    [...read(".env.example").matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] ?? ""),
  );
}

describe("docker-compose.yml", () => {
  let resolved: ComposeFile;
  const raw = yamlToJson(read("docker-compose.yml"));

  beforeAll(() => {
    const result = composeConfig(SECRETS);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    resolved = yamlToJson(result.stdout);
  });

  it("validates with docker-compose 1.29 once the operator set the two secrets", () => {
    expect(Object.keys(resolved.services).sort()).toEqual(
      ["devnet", "discord", "gateway", "migrate", "postgres", "proxy", "redis", "telegram"].sort(),
    );
  });

  it.each(["POSTGRES_PASSWORD", "GATEWAY_SERVICE_TOKEN"])(
    "error: refuses to run without %s, naming it",
    (name) => {
      const { [name]: _left, ...rest } = SECRETS as Record<string, string>;
      const result = composeConfig(rest);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(`set ${name} in .env`);
    },
  );

  it("runs each app service from the file its npm script runs (devnet, migrate, gateway, telegram, discord)", () => {
    for (const name of APP_SERVICES) {
      const file = entryPoint(resolved.services[name] as Service);
      expect({ name, script: packageJson.scripts[name] }).toEqual({ name, script: `tsx ${file}` });
      expect(existsSync(join(ROOT, file))).toBe(true);
    }
  });

  it("migrates once, before the gateway and the bots, which only check the schema", () => {
    const { migrate } = resolved.services as Record<string, Service>;
    expect(migrate?.restart).toBe("no");
    expect(migrate?.depends_on?.postgres?.condition).toBe("service_healthy");
    expect(migrate?.environment?.DATABASE_MIGRATE).toBe("1");
    for (const name of ["gateway", "telegram", "discord"]) {
      const service = resolved.services[name] as Service;
      expect({ name, condition: service.depends_on?.migrate?.condition }).toEqual({
        name,
        condition: "service_completed_successfully",
      });
      expect(service.environment).toMatchObject({ DATABASE_MIGRATE: "0", REDIS_URL: "redis://redis:6379" });
      expect(service.environment?.DATABASE_URL).toBe(
        `postgresql://luma:${SECRETS.POSTGRES_PASSWORD}@postgres:5432/luma`,
      );
    }
  });

  it("runs two gateway replicas, reached only through the proxy, which trusts one hop", () => {
    const { gateway, proxy } = resolved.services as Record<string, Service>;
    expect(gateway?.scale ?? gateway?.deploy?.replicas).toBe(2);
    expect(gateway?.ports).toBeUndefined();
    expect(gateway?.environment).toMatchObject({ PORT: "4000", TRUST_PROXY_HOPS: "1" });
    expect(gateway?.environment?.LUMA_MANIFEST).toBe("/data/devnet/manifest.json");
    expect(proxy?.ports).toEqual([expect.objectContaining({ target: 80, published: expect.anything() })]);
    expect(mounts(proxy)).toContainEqual(
      expect.stringMatching(/\/deploy\/nginx\.conf:\/etc\/nginx\/nginx\.conf$/),
    );
    for (const bot of ["telegram", "discord"]) {
      expect(resolved.services[bot]?.environment?.GATEWAY_URL).toBe("http://proxy:80");
    }
  });

  it("proxies round-robin to every replica, SSE unbuffered, /metrics kept private", () => {
    const nginx = read("deploy/nginx.conf");
    expect(nginx).toContain("server gateway:4000 resolve;");
    expect(nginx).toMatch(/resolver 127\.0\.0\.11 /);
    expect(nginx).toContain("proxy_buffering off;");
    expect(nginx).toMatch(/proxy_read_timeout 1h;/);
    expect(nginx).toContain("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
    expect(nginx).toMatch(/location = \/metrics \{\s*return 404;/);
  });

  it("keeps PostgreSQL's data in a named volume and checks it with pg_isready", () => {
    const { postgres } = resolved.services as Record<string, Service>;
    expect(mounts(postgres)).toContain("postgres-data:/var/lib/postgresql/data");
    expect(postgres?.healthcheck?.test).toContain("pg_isready");
    expect(Object.keys(resolved.volumes ?? {})).toContain("postgres-data");
  });

  it("health-checks every long-running service on the port it listens on", () => {
    const services = resolved.services as Record<string, Service>;
    const probe = (name: string) => (services[name]?.healthcheck?.test ?? []).join(" ");
    expect(probe("redis")).toContain("redis-cli ping");
    expect(probe("devnet")).toContain(
      "deploy/healthcheck.mjs --rpc http://127.0.0.1:8545 --file /data/devnet/manifest.json",
    );
    expect(services.devnet?.environment).toMatchObject({ ANVIL_HOST: "0.0.0.0", ANVIL_PORT: "8545" });
    expect(probe("gateway")).toContain(`http://127.0.0.1:${services.gateway?.environment?.PORT}/readyz`);
    for (const bot of ["telegram", "discord"]) {
      expect(probe(bot)).toContain(`http://127.0.0.1:${services[bot]?.environment?.OPS_PORT}/healthz`);
      expect(services[bot]?.profiles).toEqual([bot]);
    }
    expect(probe("proxy")).toContain("http://127.0.0.1/healthz");
  });

  it("gives every app service longer than its 25 s drain before SIGKILL", () => {
    for (const name of ["gateway", "telegram", "discord"]) {
      expect({ name, grace: seconds(resolved.services[name]?.stop_grace_period) }).toEqual({
        name,
        grace: 30,
      });
    }
    // Anvil writes the whole chain state on exit; the devnet drains for SHUTDOWN_TIMEOUT_MS.
    const devnet = resolved.services.devnet;
    expect(seconds(devnet?.stop_grace_period)).toBeGreaterThan(
      Number(devnet?.environment?.SHUTDOWN_TIMEOUT_MS) / 1000,
    );
  });

  it("documents in .env.example every variable the operator sets for it", () => {
    const interpolated = [...read("docker-compose.yml").matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]);
    const set = APP_SERVICES.flatMap((name) => Object.keys(raw.services[name]?.environment ?? {}));
    const documented = documentedVariables();
    const missing = [...new Set([...interpolated, ...set])].filter((name) => name && !documented.has(name));
    expect(missing).toEqual([]);
  });

  it("sets only variables that the services' code reads (a misspelt one would be ignored)", () => {
    const sources = ["packages", "services"]
      .flatMap((top) =>
        readdirSync(join(ROOT, top), { recursive: true, encoding: "utf8" }).map((f) => join(top, f)),
      )
      .filter((file) => /\/src\/.*\.ts$/.test(file) && !/node_modules|\/generated\//.test(file))
      .map(read)
      .join("\n");
    const set = new Set(APP_SERVICES.flatMap((name) => Object.keys(raw.services[name]?.environment ?? {})));
    // Node reads NODE_OPTIONS itself (the gateway's heap cap).
    set.delete("NODE_OPTIONS");
    expect([...set].filter((name) => !new RegExp(`\\b${name}\\b`).test(sources))).toEqual([]);
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");

  it("installs the dependencies of every workspace (each package.json is copied first)", () => {
    const workspaces = packageJson.workspaces.flatMap((pattern) =>
      pattern.endsWith("/*")
        ? readdirSync(join(ROOT, pattern.slice(0, -2))).map((name) => `${pattern.slice(0, -2)}/${name}`)
        : [pattern],
    );
    const withManifest = workspaces.filter((dir) => existsSync(join(ROOT, dir, "package.json")));
    expect(withManifest.length).toBeGreaterThan(5);
    for (const dir of withManifest) expect(dockerfile).toContain(`COPY ${dir}/package.json ${dir}/`);
  });

  it("runs as the node user under tini, from node:20-bookworm-slim, in production mode", () => {
    expect(dockerfile).toContain("ARG NODE_IMAGE=node:20-bookworm-slim");
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('ENTRYPOINT ["/usr/bin/tini", "--"]');
    expect(dockerfile).toMatch(/ENV NODE_ENV=production/);
  });

  it("keeps node_modules, local data and secrets out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of ["node_modules", ".data", ".env", ".git"]) expect(ignored).toContain(entry);
  });
});

describe("deploy/healthcheck.mjs", () => {
  let base: string;
  beforeAll(async () => {
    const server = createServer((request, response) => {
      if (request.method === "POST")
        response.end(JSON.stringify({ jsonrpc: "2.0", id: 1, result: "0x7a69" }));
      else if (request.url === "/readyz") response.writeHead(503).end('{"ready":false}');
      else response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    deferTeardown(() => new Promise((resolve) => server.close(resolve)));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  /** Runs the script (asynchronously: the stub server above answers from this event loop). */
  const check = (...args: string[]) =>
    promisify(execFile)(process.execPath, [join(ROOT, "deploy/healthcheck.mjs"), ...args]).then(
      () => ({ status: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ status: error.code, stderr: error.stderr }),
    );

  it("passes on a 2xx answer, and on an RPC that answers eth_chainId once the file exists", async () => {
    expect(await check(`${base}/healthz`)).toEqual({ status: 0, stderr: "" });
    expect(await check("--rpc", base, "--file", join(ROOT, "package.json"))).toEqual({
      status: 0,
      stderr: "",
    });
  });

  it("error: fails with one line on a 503, a missing file, or nothing listening", async () => {
    expect(await check(`${base}/readyz`)).toEqual({
      status: 1,
      stderr: `${base}/readyz answered 503 {"ready":false}\n`,
    });
    expect(await check("--rpc", base, "--file", "/nonexistent/manifest.json")).toEqual({
      status: 1,
      stderr: "/nonexistent/manifest.json does not exist yet\n",
    });
    expect((await check("http://127.0.0.1:1/healthz")).status).toBe(1);
  });
});
