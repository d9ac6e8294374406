import { cpus, loadavg, totalmem } from "node:os";

/** Nearest-rank percentile of ascending `sorted`. */
export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** `label: p50 …, p95 …, max … (n samples)`, in ms. */
export function latencySummary(label: string, samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return `${label}: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1) ?? Number.NaN)} (${sorted.length} samples)`;
}

/** The 1, 5 and 15 minute load averages: the machine is shared, so every result says how busy it was. */
export const loadAverage = () =>
  loadavg()
    .map((load) => load.toFixed(1))
    .join(" ");

/** Date, cores, memory and load: the line every Telegram bench prints first. */
export function machineLine(): string {
  const cores = cpus();
  return `${new Date().toISOString()}; machine: ${cores.length} × ${cores[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB; load average ${loadAverage()}`;
}

/** Reads `--name value` from the command line, or `fallback`. */
export function numberFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} expects a number`);
  return value;
}
