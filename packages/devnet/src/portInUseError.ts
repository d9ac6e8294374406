import { DevnetError } from "./DevnetError.ts";

/** The one message for a taken port, whether we noticed it or anvil did. */
export function portInUseError(port: number): DevnetError {
  return new DevnetError(
    "port_in_use",
    `Port ${port} is already in use (another anvil or \`npm start\`?). Stop it or set ANVIL_PORT to a free port.`,
  );
}
