import { existsSync } from "node:fs";
import { readFile, rename, rm } from "node:fs/promises";
import { DevnetError } from "./DevnetError.ts";

/**
 * Anvil writes its state file in place, so a kill during a write (a 30+ MB JSON) would leave a
 * truncated chain. We let anvil load from `stateFile` but dump to `<stateFile>.dump`, and promote a
 * dump only once it parses: the state file is always a complete one.
 */
export const stateDumpPath = (stateFile: string) => `${stateFile}.dump`;

/** Replaces the state file with anvil's latest dump if that dump is complete; drops a partial one. */
export async function promoteStateDump(stateFile: string): Promise<void> {
  const dump = stateDumpPath(stateFile);
  if (!existsSync(dump)) return;
  if (await parsesAsJson(dump)) await rename(dump, stateFile);
  else await rm(dump, { force: true });
}

/** Fails with one clear line when the saved chain state cannot be loaded. */
export async function assertStateFileReadable(stateFile: string): Promise<void> {
  if (await parsesAsJson(stateFile)) return;
  throw new DevnetError(
    "invalid_state",
    `The saved chain state ${stateFile} is damaged (not complete JSON). To start over with a fresh devnet, run \`LUMA_DEVNET_FRESH=1 npm start\`.`,
  );
}

async function parsesAsJson(path: string): Promise<boolean> {
  try {
    JSON.parse(await readFile(path, "utf8"));
    return true;
  } catch {
    return false;
  }
}
