import { actionErrorMessages } from "./actionErrorMessages.ts";
import { intentErrorMessages } from "./intentErrorMessages.ts";
import { walletLinkErrorMessages } from "./walletLinkErrorMessages.ts";

/**
 * Every expected failure the API reports, by `extensions.code`, with its parameters and its message
 * in each language the gateway answers in. Clients (the bots) may localize from `code` + `params`
 * themselves; the gateway's own message follows the request's `Accept-Language` (en by default).
 *
 * Add a code here, then throw it with `domainError(code, params)`.
 */
export const domainErrorMessages = {
  INVALID_ADDRESS: {
    en: (p: { value: string }) => `"${p.value}" is not an address (0x followed by 40 hex digits).`,
    zh: (p: { value: string }) => `"${p.value}" 不是有效地址（应为 0x 加 40 位十六进制字符）。`,
  },
  INVALID_DATE: {
    en: (p: { value: string }) => `"${p.value}" is not an ISO 8601 date.`,
    zh: (p: { value: string }) => `"${p.value}" 不是 ISO 8601 日期。`,
  },
  INVALID_INTEGER: {
    en: (p: { value: string }) => `"${p.value}" is not an integer written as a decimal string.`,
    zh: (p: { value: string }) => `"${p.value}" 不是十进制整数字符串。`,
  },
  ARGUMENT_OUT_OF_RANGE: {
    en: (p: { name: string; min: string; max: string; value: string }) =>
      `${p.name} must be between ${p.min} and ${p.max}; got ${p.value}.`,
    zh: (p: { name: string; min: string; max: string; value: string }) =>
      `${p.name} 必须在 ${p.min} 到 ${p.max} 之间，收到 ${p.value}。`,
  },
  // ── Protection (query limits, page size, rate limits, API keys, CSRF) ──
  QUERY_TOO_DEEP: {
    en: (p: { max: number }) =>
      `This query nests deeper than ${p.max} levels; split it into smaller queries.`,
    zh: (p: { max: number }) => `查询嵌套超过 ${p.max} 层，请拆分成更小的查询。`,
  },
  TOO_MANY_ALIASES: {
    en: (p: { max: number }) => `This query uses more than ${p.max} aliases; split it into smaller queries.`,
    zh: (p: { max: number }) => `查询使用了超过 ${p.max} 个别名，请拆分成更小的查询。`,
  },
  TOO_MANY_TOKENS: {
    en: (p: { max: number }) => `This query is longer than ${p.max} tokens; split it into smaller queries.`,
    zh: (p: { max: number }) => `查询超过 ${p.max} 个词法单元，请拆分成更小的查询。`,
  },
  TOO_MANY_DIRECTIVES: {
    en: (p: { max: number }) => `This query uses more than ${p.max} directives.`,
    zh: (p: { max: number }) => `查询使用了超过 ${p.max} 个指令。`,
  },
  QUERY_TOO_COSTLY: {
    en: (p: { max: number }) =>
      `This query would cost more than ${p.max} points; ask for fewer fields or smaller pages.`,
    zh: (p: { max: number }) => `查询成本超过 ${p.max} 点，请减少字段或缩小分页。`,
  },
  PAGE_SIZE_OUT_OF_RANGE: {
    en: (p: { name: string; max: number; value: number }) =>
      `${p.name} must be between 1 and ${p.max} items per page; got ${p.value}.`,
    zh: (p: { name: string; max: number; value: number }) =>
      `${p.name} 每页必须在 1 到 ${p.max} 条之间，收到 ${p.value}。`,
  },
  RATE_LIMITED: {
    en: (p: { retryAfterSeconds: number }) =>
      `Too many requests; try again in ${p.retryAfterSeconds} s (or use an API key for a larger allowance).`,
    zh: (p: { retryAfterSeconds: number }) =>
      `请求过于频繁，请在 ${p.retryAfterSeconds} 秒后重试（或使用 API 密钥以获得更高额度）。`,
  },
  UNKNOWN_API_KEY: {
    en: (p: { header: string }) => `The API key in ${p.header} is not valid; send a valid key or none.`,
    zh: (p: { header: string }) => `${p.header} 中的 API 密钥无效；请提供有效密钥或不带密钥。`,
  },
  CSRF_HEADER_REQUIRED: {
    en: (p: { header: string }) =>
      `Send JSON (content-type: application/json) or add the ${p.header} header; simple cross-site requests are refused.`,
    zh: (p: { header: string }) =>
      `请以 JSON（content-type: application/json）发送，或添加 ${p.header} 请求头；不接受简单跨站请求。`,
  },
  // ── Dependencies out of reach (retryable) ──
  CHAIN_UNAVAILABLE: {
    en: (_p: Record<string, never>) => "The chain's RPC node is not answering; try again shortly.",
    zh: (_p: Record<string, never>) => "区块链 RPC 节点暂无响应，请稍后重试。",
  },
  DATABASE_UNAVAILABLE: {
    en: (_p: Record<string, never>) => "The database is not answering; try again shortly.",
    zh: (_p: Record<string, never>) => "数据库暂无响应，请稍后重试。",
  },
  AMOUNT_OUT_OF_RANGE: {
    en: (p: { name: string; value: string }) =>
      `${p.name} must be an amount of zero or more base units; got ${p.value}.`,
    zh: (p: { name: string; value: string }) => `${p.name} 必须是不小于 0 的基本单位数量，收到 ${p.value}。`,
  },
  INVALID_EVENT_ID: {
    en: (p: { value: string }) =>
      `"${p.value}" is not the id of an event of this subscription; pass the id of the last event you received.`,
    zh: (p: { value: string }) => `"${p.value}" 不是本订阅的事件 id；请传入最后收到的事件的 id。`,
  },
  UNKNOWN_POSITION: {
    en: (p: { id: string }) => `There is no option position ${p.id}; positions are numbered from 0.`,
    zh: (p: { id: string }) => `不存在编号为 ${p.id} 的期权质押仓位；仓位从 0 开始编号。`,
  },
  // ── Burn history and chart (schema/soraBurns.ts) ──
  INVALID_CURSOR: {
    en: (p: { value: string }) =>
      `"${p.value}" is not a cursor of this list; pass an edge's cursor or pageInfo.endCursor as returned.`,
    zh: (p: { value: string }) =>
      `"${p.value}" 不是此列表的游标；请原样传入返回的 cursor 或 pageInfo.endCursor。`,
  },
  INVALID_TIME_RANGE: {
    en: (p: { from: string; to: string }) => `from (${p.from}) must be before to (${p.to}).`,
    zh: (p: { from: string; to: string }) => `from（${p.from}）必须早于 to（${p.to}）。`,
  },
  TOO_MANY_BUCKETS: {
    en: (p: { buckets: number; max: number; interval: string }) =>
      `That range needs ${p.buckets} ${p.interval} buckets; at most ${p.max} per query. Narrow from/to or use a longer interval.`,
    zh: (p: { buckets: number; max: number; interval: string }) =>
      `该时间范围需要 ${p.buckets} 个 ${p.interval} 区间，每次查询最多 ${p.max} 个。请缩小 from/to 或使用更长的间隔。`,
  },
  ...actionErrorMessages,
  ...intentErrorMessages,
  ...walletLinkErrorMessages,
} as const;

export type DomainErrorCode = keyof typeof domainErrorMessages;
export type DomainErrorParams<C extends DomainErrorCode> = Parameters<
  (typeof domainErrorMessages)[C]["en"]
>[0];
export type Locale = "en" | "zh";
