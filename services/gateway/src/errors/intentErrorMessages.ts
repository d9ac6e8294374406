import type { StepMismatch } from "../intents/confirmationRules.ts";

/** How a reported transaction differs from its step (`TX_NOT_FOR_STEP`'s `mismatch`), in words. */
const mismatchWords: Record<StepMismatch, { en: string; zh: string }> = {
  chain: { en: "it was sent on another chain", zh: "它发送在其他链上" },
  from: { en: "it was not sent from this request's account", zh: "它不是由此请求的账户发送的" },
  to: { en: "it calls another contract", zh: "它调用的是其他合约" },
  input: { en: "its call data differs", zh: "它的调用数据不同" },
  value: { en: "it sends another amount of ETH", zh: "它附带的 ETH 数额不同" },
};

/**
 * Domain error messages of one area — Signing intents (intents/): unknown, expired, used, reported transactions — merged into
 * `domainErrorMessages` (see there for the shape: `en` and `zh` functions of the same params).
 */
export const intentErrorMessages = {
  UNKNOWN_INTENT: {
    en: (p: { id: string }) =>
      `There is no signing request "${p.id}"; check the link, or ask the bot for a new one.`,
    zh: (p: { id: string }) => `签名请求 "${p.id}" 不存在；请检查链接，或向机器人重新获取。`,
  },
  INTENT_EXPIRED: {
    en: (p: { id: string; expiresAt: string }) =>
      `The signing request ${p.id} expired at ${p.expiresAt}; ask the bot for a new one.`,
    zh: (p: { id: string; expiresAt: string }) =>
      `签名请求 ${p.id} 已于 ${p.expiresAt} 过期；请向机器人重新获取。`,
  },
  INTENT_SETTLED: {
    en: (p: { id: string; status: string }) =>
      `The signing request ${p.id} is already ${p.status}; it takes no more transactions.`,
    zh: (p: { id: string; status: string }) => `签名请求 ${p.id} 已结束（${p.status}），不再接受交易。`,
  },
  STEP_OUT_OF_RANGE: {
    en: (p: { step: number; steps: number }) =>
      `Step ${p.step} does not exist; this request has steps 0 to ${p.steps - 1}.`,
    zh: (p: { step: number; steps: number }) => `步骤 ${p.step} 不存在；此请求的步骤为 0 到 ${p.steps - 1}。`,
  },
  PREVIOUS_STEP_NOT_MINED: {
    en: (p: { step: number; previous: number }) =>
      `Step ${p.step} can only be reported once step ${p.previous}'s transaction is mined; wait for it first.`,
    zh: (p: { step: number; previous: number }) =>
      `步骤 ${p.previous} 的交易上链后才能提交步骤 ${p.step}；请先等待其确认。`,
  },
  STEP_ALREADY_REPORTED: {
    en: (p: { step: number; txHash: string }) =>
      `Step ${p.step} already has its transaction (${p.txHash}); each step takes one transaction.`,
    zh: (p: { step: number; txHash: string }) =>
      `步骤 ${p.step} 已有对应交易（${p.txHash}）；每个步骤只接受一笔交易。`,
  },
  INVALID_TX_HASH: {
    en: (p: { value: string }) => `"${p.value}" is not a transaction hash (0x followed by 64 hex digits).`,
    zh: (p: { value: string }) => `"${p.value}" 不是交易哈希（应为 0x 加 64 位十六进制字符）。`,
  },
  TX_ALREADY_REPORTED: {
    en: (p: { txHash: string }) =>
      `Transaction ${p.txHash} was already reported for another step or signing request; a transaction confirms one step only.`,
    zh: (p: { txHash: string }) => `交易 ${p.txHash} 已用于其他步骤或签名请求；一笔交易只能确认一个步骤。`,
  },
  UNKNOWN_TX: {
    en: (p: { txHash: string }) =>
      `The chain does not know transaction ${p.txHash}; report it once your wallet has sent it.`,
    zh: (p: { txHash: string }) => `链上找不到交易 ${p.txHash}；请在钱包发出交易后再提交。`,
  },
  TX_NOT_FOR_STEP: {
    en: (p: { txHash: string; step: number; mismatch: StepMismatch }) =>
      `Transaction ${p.txHash} is not step ${p.step} of this request: ${mismatchWords[p.mismatch].en}. Send the step from the signing page.`,
    zh: (p: { txHash: string; step: number; mismatch: StepMismatch }) =>
      `交易 ${p.txHash} 不是此请求的步骤 ${p.step}：${mismatchWords[p.mismatch].zh}。请在签名页面发送该步骤。`,
  },
  TX_BEFORE_PLAN: {
    en: (p: { txHash: string; blockNumber: string; simulatedAtBlock: string }) =>
      `Transaction ${p.txHash} was mined in block ${p.blockNumber}, before this request was built (block ${p.simulatedAtBlock}); only a transaction sent for it counts. Send the step from the signing page.`,
    zh: (p: { txHash: string; blockNumber: string; simulatedAtBlock: string }) =>
      `交易 ${p.txHash} 于区块 ${p.blockNumber} 上链，早于此请求的创建（区块 ${p.simulatedAtBlock}）；只有为此请求发送的交易才有效。请在签名页面发送该步骤。`,
  },
} as const;
