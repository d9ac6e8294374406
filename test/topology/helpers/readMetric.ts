/**
 * The sum of the samples of `name` that carry every label of `labels`, read from a Prometheus
 * text exposition at `metricsUrl` (0 when there are none): e.g. one process's
 * `luma_chat_sends_total{kind="alert",result="sent"}` over its other labels.
 */
export async function readMetric(
  metricsUrl: string,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const response = await fetch(metricsUrl, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`${metricsUrl} answered ${response.status}`);
  const wanted = Object.entries(labels).map(([label, value]) => `${label}="${value}"`);
  let sum = 0;
  for (const line of (await response.text()).split("\n")) {
    // A sample: name, optional {labels}, then the value (label values here never hold "}" or spaces).
    const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!sample || sample[1] !== name) continue;
    const present = (sample[2] ?? "").split(",");
    if (wanted.every((pair) => present.includes(pair))) sum += Number(sample[3]);
  }
  return sum;
}
