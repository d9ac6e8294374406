import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { DbError } from "./DbError.ts";

/**
 * Takes `lockFile` for this process (it holds our pid), or throws a `locked` {@link DbError} when
 * another live process holds it. PGlite itself does not notice a second process opening its folder
 * (measured: both open, and both would write), so this lock is what keeps the data intact.
 * A lock left by a process that died is taken over. Returns the function that releases it.
 */
export function lockDataDir(lockFile: string, dataDir: string): () => void {
  // Two attempts: a lock left by a dead process is removed once; losing the race for it to another
  // process that took it over at the same moment reports that process as the holder.
  for (let attempt = 0; !tryCreate(lockFile); attempt++) {
    const holder = readPid(lockFile);
    if (attempt > 0 || (holder !== undefined && isAlive(holder))) {
      const who = holder === process.pid ? "this process (opened twice?)" : `process ${holder ?? "unknown"}`;
      throw new DbError(
        "locked",
        `The embedded database at ${dataDir} is in use by ${who}. Stop it, set LUMA_DATA_DIR to another ` +
          `folder, or set DATABASE_URL; if no such process runs, delete ${lockFile}.`,
      );
    }
    rmSync(lockFile, { force: true });
  }
  return () => {
    if (readPid(lockFile) === process.pid) rmSync(lockFile, { force: true });
  };
}

function tryCreate(lockFile: string): boolean {
  try {
    writeFileSync(lockFile, `${process.pid}\n`, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function readPid(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
