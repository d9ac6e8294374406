import { zh } from "../texts/zh.ts";
import { type ErrorParams, type ErrorWording, param } from "./ErrorParams.ts";
import type { GatewayErrorCode } from "./gatewayErrorCodes.ts";

const amountProblem = (p: ErrorParams) => ({
  value: param(p, "value"),
  symbol: param(p, "symbol") || "代币",
  decimals: Number(param(p, "decimals") || 18),
});
const reasonOf = (p: ErrorParams) => {
  const reason = param(p, "reason");
  return reason in zh.usage.amount ? (reason as keyof typeof zh.usage.amount) : "not_a_number";
};

const BUG = "我们这边出了问题，已记录。";
const PAGE_ONLY = "签名页面无法使用该内容；请从聊天中重新打开链接。";

/** {@link errorTextsEn} in Chinese: the same codes, checked by the type. */
export const errorTextsZh: Record<GatewayErrorCode, ErrorWording> = {
  INVALID_ADDRESS: (p) => `"${param(p, "value")}" 不是钱包地址（应为 0x 加 40 位十六进制字符）。`,
  INVALID_DATE: (p) => `"${param(p, "value")}" 不是有效日期。`,
  INVALID_INTEGER: (p) => `"${param(p, "value")}" 不是整数。`,
  ARGUMENT_OUT_OF_RANGE: (p) => `${param(p, "name")} 必须在 ${param(p, "min")} 到 ${param(p, "max")} 之间。`,
  AMOUNT_OUT_OF_RANGE: (p) => `"${param(p, "value")}" 不是有效数量。`,
  INVALID_EVENT_ID: () => BUG,
  INVALID_CURSOR: () => BUG,
  INVALID_TIME_RANGE: () => "该时间范围为空：开始时间必须早于结束时间。",
  TOO_MANY_BUCKETS: () => "该时间范围太长，无法在一张图中显示。",
  UNKNOWN_POSITION: (p) => `不存在期权仓位 #${param(p, "id")}。`,
  QUERY_TOO_DEEP: () => BUG,
  TOO_MANY_ALIASES: () => BUG,
  TOO_MANY_TOKENS: () => BUG,
  TOO_MANY_DIRECTIVES: () => BUG,
  QUERY_TOO_COSTLY: () => BUG,
  PAGE_SIZE_OUT_OF_RANGE: () => BUG,
  RATE_LIMITED: (p) => `请求网关过于频繁；请在 ${param(p, "retryAfterSeconds") || "几"} 秒后重试。`,
  UNKNOWN_API_KEY: () => "网关不接受机器人的密钥；已通知运营者。",
  CSRF_HEADER_REQUIRED: () => BUG,
  CHAIN_UNAVAILABLE: () => "区块链节点暂时没有响应。",
  DATABASE_UNAVAILABLE: () => "网关数据库暂时没有响应。",
  GATEWAY_UNAVAILABLE: () => "Luma Pulse 网关暂时没有响应。",
  INTERNAL_SERVER_ERROR: () => BUG,
  GATEWAY_BAD_RESPONSE: () => BUG,
  GRAPHQL_PARSE_FAILED: () => BUG,
  GRAPHQL_VALIDATION_FAILED: () => BUG,
  BAD_USER_INPUT: () => BUG,
  INVALID_AMOUNT: (p) => zh.usage.amount[reasonOf(p)](amountProblem(p)),
  INSUFFICIENT_BALANCE: (p) =>
    `${param(p, "symbol")} 余额不足：需要 ${param(p, "requested")}，钱包只有 ${param(p, "balance")}。`,
  NO_BALANCE: (p) => `钱包中没有 ${param(p, "symbol")}。`,
  AMOUNT_TOO_SMALL: (p) => `${param(p, "value")} ${param(p, "symbol")} 太少：换不到任何东西。`,
  NO_SORA_QUOTA: () => "此钱包没有 SORA 额度。SORA 只能凭额度购买，额度来自期权质押 POP。",
  QUOTA_EXCEEDED: (p) =>
    `此次将买入 ${param(p, "requested")} SORA，但钱包额度只有 ${param(p, "quota")}。请减少数量，或使用 max。`,
  POSITION_NOT_OWNED: (p) => `期权仓位 #${param(p, "id")} 不属于此钱包。`,
  NOTHING_TO_CLAIM: (p) => `仓位 #${param(p, "id")} 暂无已释放的 LUMA 可领取；奖励逐日释放。`,
  NOTHING_LOCKED: (p) => `仓位 #${param(p, "id")} 没有释放中的奖励，无需提前释放。`,
  PLAN_REVERTED: (p) => `链上会拒绝此操作（第 ${param(p, "step")} 步：${param(p, "contractError")}）。`,
  UNKNOWN_INTENT: () => "该签名链接不存在；请重新发送命令获取新链接。",
  INTENT_EXPIRED: () => "该签名链接已过期；请重新发送命令获取新链接。",
  INTENT_SETTLED: () => "该签名链接已被使用。",
  STEP_OUT_OF_RANGE: () => PAGE_ONLY,
  PREVIOUS_STEP_NOT_MINED: () => "请先等待上一笔交易上链。",
  STEP_ALREADY_REPORTED: () => "该步骤已有对应交易。",
  INVALID_TX_HASH: () => PAGE_ONLY,
  TX_ALREADY_REPORTED: () => "该交易已用于其他步骤。",
  UNKNOWN_TX: () => "网络中暂时找不到该交易，请稍后再试。",
  TX_NOT_FOR_STEP: () => "该交易不是此步骤要求的交易。",
  TX_BEFORE_PLAN: () => "该交易在此请求创建之前就已上链。",
  SERVICE_TOKEN_REQUIRED: () => "此机器人暂时无法绑定钱包；已通知运营者。",
  UNKNOWN_SERVICE_TOKEN: () => "此机器人暂时无法绑定钱包；已通知运营者。",
  INVALID_CHAT_USER_ID: () => BUG,
  UNKNOWN_WALLET_LINK_CHALLENGE: () => "该钱包绑定链接无效；请发送 /link 获取新链接。",
  WALLET_LINK_CHALLENGE_EXPIRED: () => "该钱包绑定链接已过期；请发送 /link 获取新链接。",
  WALLET_LINK_CHALLENGE_USED: () => "该钱包绑定链接已被使用；如需绑定其他钱包，请发送 /link。",
  NONCE_ALREADY_USED: () => "该登录消息已被使用；请发送 /link 获取新链接。",
  INVALID_SIWE_MESSAGE: () => PAGE_ONLY,
  SIWE_NONCE_MISMATCH: () => PAGE_ONLY,
  SIWE_DOMAIN_MISMATCH: () => PAGE_ONLY,
  SIWE_URI_MISMATCH: () => PAGE_ONLY,
  SIWE_CHAIN_MISMATCH: () => PAGE_ONLY,
  SIWE_STATEMENT_MISMATCH: () => PAGE_ONLY,
  SIWE_EXPIRATION_TOO_LATE: () => PAGE_ONLY,
  SIWE_MESSAGE_EXPIRED: () => "签名的消息已过期；请发送 /link 重新签名。",
  SIWE_NOT_YET_VALID: () => "你的设备时钟超前；请校准后重新签名。",
  INVALID_SIGNATURE: () => "签名与钱包不符；请签署未经修改的消息。",
  UNKNOWN_WALLET_LINK: (p) => `${param(p, "address")} 不是你已绑定的钱包。`,
};

/** For a code this version does not know yet (a newer gateway). */
export const unknownErrorZh = (code: string) => `网关拒绝了此请求（${code}）。`;
