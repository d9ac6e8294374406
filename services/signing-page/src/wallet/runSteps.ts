import type { IntentStep, SigningIntent } from "../api/types.ts";
import type { Text } from "../i18n/translate.ts";
import { canSign, failedStepStatuses, isPastExpiry, isSettled, orderedSteps } from "../pages/signStatus.ts";
import { type Eip1193Provider, PageError } from "./eip1193.ts";
import { ensureChain } from "./ensureChain.ts";
import { sendStep } from "./sendStep.ts";

/** What {@link runSteps} works with: the wallet, and the page's ways to the gateway and the screen. */
export type StepRun = {
  provider: Eip1193Provider;
  /** The connected account, which must be the intent's. */
  from: string;
  /** Hashes the wallet gave that the gateway has not acknowledged yet: reported again, never re-sent. */
  unreported: Map<number, string>;
  /** Reads the intent until `done`; every read is checked, and rejects when the page refuses it. */
  poll(done: (intent: SigningIntent) => boolean, firstDelayMs?: number): Promise<SigningIntent>;
  /** Tells the gateway which transaction carries a step; resolves to the intent as it then is. */
  report(stepIndex: number, hash: string): Promise<SigningIntent>;
  /** What is happening now, and which step's wallet prompt is open (if one is). */
  onProgress(progress: Text, sendingIndex?: number): void;
};

const stepAt = (intent: SigningIntent, index: number) => intent.steps.find((step) => step.index === index);

const stepFailed = (n: number, status: string) =>
  new PageError({
    key: "error.stepFailed",
    params: { n, status: { key: `step.status.${status}` as "step.status.REVERTED" } },
  });

const notSignable = (intent: SigningIntent) =>
  isPastExpiry(intent, Date.now())
    ? new PageError({ key: "error.expiredNow" })
    : new PageError({ key: "error.notSignable", params: { status: intent.status } });

const expiredNow = (intent: SigningIntent) => {
  if (isPastExpiry(intent, Date.now())) throw new PageError({ key: "error.expiredNow" });
};

/**
 * Walks the wallet through the intent's steps in order, from a fresh (checked) read: each step not
 * sent yet is sent — on the intent's chain, checked right before it — then reported, then followed
 * until the gateway sees it mined; a step already sent (after a reload) is only followed. Ends when
 * the gateway's verdict is in. Throws a {@link PageError} (expired, a step failed) or whatever the
 * wallet or the gateway threw; nothing more is sent after a failure.
 */
export async function runSteps(run: StepRun): Promise<void> {
  let intent = await run.poll(() => true, 0);
  if (!canSign(intent, [], Date.now()) && !run.unreported.size) throw notSignable(intent);
  const total = intent.steps.length;
  for (const [position, shown] of orderedSteps(intent).entries()) {
    const n = position + 1;
    let step = stepAt(intent, shown.index) ?? shown;
    if (step.status === "MINED") continue;
    if (failedStepStatuses.has(step.status ?? "")) throw stepFailed(n, step.status ?? "");
    let hash = step.txHash ?? run.unreported.get(step.index);
    if (!hash) {
      hash = await sendOnChain(run, intent, step, { n, total });
      run.unreported.set(step.index, hash);
    }
    run.onProgress({ key: "sign.progressWaiting", params: { n, total } });
    if (!step.txHash) intent = await run.report(step.index, hash);
    run.unreported.delete(step.index);
    intent = await run.poll((next) => {
      const status = stepAt(next, step.index)?.status;
      return isSettled(next) || (status !== null && status !== undefined && status !== "PENDING");
    });
    step = stepAt(intent, shown.index) ?? step;
    if (step.status !== "MINED") {
      if (isSettled(intent)) return;
      throw stepFailed(n, step.status ?? "");
    }
  }
  // The last step's answer usually says confirmed already; otherwise wait for the gateway's verdict.
  if (!isSettled(intent)) {
    run.onProgress({ key: "sign.progressFinishing" });
    await run.poll(isSettled);
  }
}

/**
 * Sends one step: the wallet is put on the intent's chain first, every time (a member can switch
 * chains between two steps), and the transaction names the chain too.
 */
async function sendOnChain(
  run: StepRun,
  intent: SigningIntent,
  step: IntentStep,
  params: { n: number; total: number },
): Promise<string> {
  expiredNow(intent);
  run.onProgress({ key: "sign.progressSending", params });
  await ensureChain(run.provider, intent.chain, () =>
    run.onProgress({ key: "sign.progressSwitching", params: { chain: intent.chain.name } }),
  );
  // The switch can keep the member in their wallet for a while.
  expiredNow(intent);
  run.onProgress({ key: "sign.progressSending", params }, step.index);
  return sendStep(run.provider, run.from, step, intent.chain.id);
}
