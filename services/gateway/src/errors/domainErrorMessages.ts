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
} as const;

export type DomainErrorCode = keyof typeof domainErrorMessages;
export type DomainErrorParams<C extends DomainErrorCode> = Parameters<
  (typeof domainErrorMessages)[C]["en"]
>[0];
export type Locale = "en" | "zh";
