import { Counter } from "prom-client";
import { describe, expect, it } from "vitest";
import { createMetricsRegistry, type Readiness, startOpsServer } from "../src/index.ts";

async function withOpsServer(
  readiness: () => Readiness,
  test: (url: string) => Promise<void>,
  failure?: () => string | undefined,
) {
  const registry = createMetricsRegistry("telegram");
  const sends = new Counter({ name: "luma_test_sends_total", help: "sends", registers: [registry] });
  sends.inc(3);
  const server = await startOpsServer({ port: 0, host: "127.0.0.1", registry, readiness, failure });
  try {
    await test(server.url);
  } finally {
    await server.stop();
  }
}

describe("startOpsServer", () => {
  it("answers /healthz, and /readyz 200 with its details when ready", async () => {
    await withOpsServer(
      () => ({ ready: true, problems: [], worker: "running" }),
      async (url) => {
        expect(await (await fetch(`${url}/healthz`)).text()).toBe("ok");
        const ready = await fetch(`${url}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toEqual({ ready: true, problems: [], worker: "running" });
      },
    );
  });

  it("answers /readyz 503 with the reasons when not ready", async () => {
    await withOpsServer(
      () => ({ ready: false, problems: ["gateway not answering"] }),
      async (url) => {
        const response = await fetch(`${url}/readyz`);
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({ problems: ["gateway not answering"] });
      },
    );
  });

  it("error: answers /healthz 503 with the reason once the process has failed for good", async () => {
    let failed: string | undefined;
    await withOpsServer(
      () => ({ ready: false, problems: ["stopping"] }),
      async (url) => {
        expect((await fetch(`${url}/healthz`)).status).toBe(200);
        failed = "Telegram refused long polling (401)";
        const response = await fetch(`${url}/healthz`);
        expect([response.status, await response.text()]).toEqual([
          503,
          "Telegram refused long polling (401)",
        ]);
      },
      () => failed,
    );
  });

  it("serves the registry's metrics with the service label and process metrics", async () => {
    await withOpsServer(
      () => ({ ready: true, problems: [] }),
      async (url) => {
        const response = await fetch(`${url}/metrics`);
        expect(response.headers.get("content-type")).toContain("text/plain");
        const text = await response.text();
        expect(text).toContain('luma_test_sends_total{service="telegram"} 3');
        expect(text).toContain("process_resident_memory_bytes");
      },
    );
  });

  it("error: an unknown path is 404, a POST is 405", async () => {
    await withOpsServer(
      () => ({ ready: true, problems: [] }),
      async (url) => {
        expect((await fetch(`${url}/nope`)).status).toBe(404);
        expect((await fetch(`${url}/metrics`, { method: "POST" })).status).toBe(405);
      },
    );
  });

  it("error: a port in use is named with how to fix it", async () => {
    await withOpsServer(
      () => ({ ready: true, problems: [] }),
      async (url) => {
        const port = Number(new URL(url).port);
        await expect(
          startOpsServer({
            port,
            host: "127.0.0.1",
            registry: createMetricsRegistry("x"),
            readiness: () => ({ ready: true, problems: [] }),
          }),
        ).rejects.toThrow(`OPS_PORT=${port} is already in use: set OPS_PORT to a free port (0 = any).`);
      },
    );
  });

  it("error: a host that is not this machine's is named with how to fix it", async () => {
    // 192.0.2.1 is reserved for documentation: no machine has it.
    await expect(
      startOpsServer({
        port: 0,
        host: "192.0.2.1",
        registry: createMetricsRegistry("x"),
        readiness: () => ({ ready: true, problems: [] }),
      }),
    ).rejects.toThrow(
      "OPS_HOST=192.0.2.1 is not an interface of this machine: set OPS_HOST to one (0.0.0.0 = all).",
    );
  });
});
