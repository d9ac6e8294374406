import { freePort } from "./freePort.ts";
import { type ServiceProcess, spawnService } from "./spawnService.ts";

/** What a replica's `/readyz` said (any status), or why it could not be asked. */
export type ReplicaReadiness =
  | { answered: true; status: number; ready: boolean; leader: boolean; body: Record<string, unknown> }
  | { answered: false; error: string };

/** A gateway replica running as its own process (`npm run gateway`). */
export type GatewayReplica = {
  name: string;
  url: string;
  process: ServiceProcess;
  readiness(): Promise<ReplicaReadiness>;
};

/**
 * Starts `services/gateway/src/main.ts` with `env` on a port of its own (PORT, HOST=127.0.0.1).
 * Returns at once: wait on {@link GatewayReplica.readiness} for it to be up.
 */
export async function startGatewayReplica(
  name: string,
  env: Record<string, string>,
): Promise<GatewayReplica> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = spawnService("services/gateway/src/main.ts", {
    ...env,
    PORT: String(port),
    HOST: "127.0.0.1",
  });
  return {
    name,
    url,
    process: service,
    async readiness() {
      try {
        const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) });
        const body = (await response.json()) as Record<string, unknown>;
        return {
          answered: true,
          status: response.status,
          ready: body.ready === true,
          leader: body.leader === true,
          body,
        };
      } catch (error) {
        return { answered: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
