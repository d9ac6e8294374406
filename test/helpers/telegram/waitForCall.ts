import type { RecordedCall } from "./RecordedCall.ts";

/**
 * The first call in `calls`, or announced to `watchers` later, that matches `predicate`. Rejects
 * after `timeoutMs` naming the last calls made, so a test that waits in vain says what happened.
 */
export function waitForCall(
  calls: RecordedCall[],
  watchers: Set<(call: RecordedCall) => void>,
  predicate: (call: RecordedCall) => boolean,
  timeoutMs: number,
): Promise<RecordedCall> {
  const made = calls.find(predicate);
  if (made) return Promise.resolve(made);
  return new Promise((resolve, reject) => {
    const watch = (call: RecordedCall) => {
      if (!predicate(call)) return;
      clearTimeout(timer);
      watchers.delete(watch);
      resolve(call);
    };
    const timer = setTimeout(() => {
      watchers.delete(watch);
      const recent = calls.slice(-20).map((call) => `${call.method}${call.ok ? "" : ` (${call.errorCode})`}`);
      reject(
        new Error(`no matching Bot API call within ${timeoutMs} ms; the last calls: ${recent.join(", ")}`),
      );
    }, timeoutMs);
    watchers.add(watch);
  });
}
