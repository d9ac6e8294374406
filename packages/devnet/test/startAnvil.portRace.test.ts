import getPort from "get-port";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DevnetError } from "../src/DevnetError.ts";
import { startAnvil } from "../src/startAnvil.ts";
import { occupyPort } from "./helpers/occupyPort.ts";
import { rpc } from "./helpers/rpc.ts";

// get-port is replaced so a "free" port can be one that is taken by the time anvil binds it,
// which is how a race with another process looks. No pre-check runs on such a port.
vi.mock("get-port", () => ({ default: vi.fn() }));
const mockedGetPort = vi.mocked(getPort);

afterEach(() => {
  mockedGetPort.mockReset();
});

describe("startAnvil on a port lost to a race", () => {
  it("maps anvil's own 'Address already in use' to the clear port_in_use line after 3 tries", async () => {
    const { port, server } = await occupyPort();
    mockedGetPort.mockResolvedValue(port);
    try {
      const error = await startAnvil().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DevnetError);
      expect(error).toMatchObject({
        code: "port_in_use",
        message: `Port ${port} is already in use (another anvil or \`npm start\`?). Stop it or set ANVIL_PORT to a free port.`,
      });
      expect(mockedGetPort).toHaveBeenCalledTimes(3);
    } finally {
      server.close();
    }
  });

  it("retries with another free port", async () => {
    const { port: taken, server } = await occupyPort();
    const free = await occupyPort();
    await new Promise((resolve) => free.server.close(resolve));
    mockedGetPort.mockResolvedValueOnce(taken).mockResolvedValueOnce(free.port);
    try {
      const anvil = await startAnvil();
      expect(anvil.port).toBe(free.port);
      expect(await rpc(anvil.rpcUrl, "eth_chainId")).toBe("0x7a69");
      await anvil.stop();
    } finally {
      server.close();
    }
  });
});
