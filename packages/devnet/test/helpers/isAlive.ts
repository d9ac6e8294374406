import { readFileSync } from "node:fs";

/**
 * Whether a process with this pid is still running. A killed child whose parent is gone stays a
 * zombie until init reaps it, and signal 0 cannot tell a zombie from a live process: on Linux
 * /proc can.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return process.platform !== "linux";
  }
}
