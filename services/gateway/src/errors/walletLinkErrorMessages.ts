/**
 * Domain error messages of one area — Wallet linking (walletLinks/, SIWE): challenges, signed messages,
 * links, the service token — merged into `domainErrorMessages` (see there for the shape: `en` and `zh`
 * functions of the same params). Members read most of these on the link page: each says what to do next.
 */
export const walletLinkErrorMessages = {
  // ── The bots' service token (createWalletLinkChallenge, walletLinks, unlinkWallet) ──
  SERVICE_TOKEN_REQUIRED: {
    en: (p: { configured: boolean }) =>
      p.configured
        ? "Only the chat bots may do this: send the gateway's service token as Authorization: Bearer <GATEWAY_SERVICE_TOKEN>."
        : "This gateway has no service token (GATEWAY_SERVICE_TOKEN is unset), so wallet linking for chat users is off; its operator must set one.",
    zh: (p: { configured: boolean }) =>
      p.configured
        ? "仅聊天机器人可执行此操作：请在 Authorization: Bearer <GATEWAY_SERVICE_TOKEN> 中提供网关的服务令牌。"
        : "此网关未配置服务令牌（GATEWAY_SERVICE_TOKEN 未设置），聊天用户的钱包绑定已关闭；请联系运营者设置。",
  },
  UNKNOWN_SERVICE_TOKEN: {
    en: (_p: Record<string, never>) =>
      "The service token in Authorization is not this gateway's; send the value of its GATEWAY_SERVICE_TOKEN.",
    zh: (_p: Record<string, never>) =>
      "Authorization 中的服务令牌不属于此网关；请发送其 GATEWAY_SERVICE_TOKEN 的值。",
  },
  INVALID_CHAT_USER_ID: {
    en: (p: { value: string }) =>
      `"${p.value}" is not a chat user id; send the Telegram or Discord user id (digits only, at most 20).`,
    zh: (p: { value: string }) =>
      `"${p.value}" 不是聊天用户 id；请发送 Telegram 或 Discord 用户 id（仅数字，最多 20 位）。`,
  },
  // ── The challenge behind a /link/<id> page ──
  UNKNOWN_WALLET_LINK_CHALLENGE: {
    en: (_p: { id: string }) => "This wallet link is not valid; send /link in the chat to get a new one.",
    zh: (_p: { id: string }) => "此钱包绑定链接无效；请在聊天中发送 /link 获取新链接。",
  },
  WALLET_LINK_CHALLENGE_EXPIRED: {
    en: (p: { id: string; expiredAt: string }) =>
      `This link expired at ${p.expiredAt}; send /link in the chat again.`,
    zh: (p: { id: string; expiredAt: string }) =>
      `此链接已于 ${p.expiredAt} 过期；请在聊天中重新发送 /link。`,
  },
  WALLET_LINK_CHALLENGE_USED: {
    en: (_p: { id: string }) =>
      "This link was already used to link a wallet; send /link in the chat to link another one.",
    zh: (_p: { id: string }) => "此链接已用于绑定钱包；如需绑定其他钱包，请在聊天中发送 /link。",
  },
  NONCE_ALREADY_USED: {
    en: (_p: { id: string }) =>
      "This sign-in message was already used (its nonce is spent); send /link in the chat for a new link.",
    zh: (_p: { id: string }) => "此登录消息已被使用（nonce 已失效）；请在聊天中发送 /link 获取新链接。",
  },
  // ── The signed Sign-In with Ethereum (EIP-4361) message ──
  INVALID_SIWE_MESSAGE: {
    en: (p: { field: string }) =>
      `The signed text is not a valid Sign-In with Ethereum message (${p.field} is missing or malformed); sign the message this link's page builds.`,
    zh: (p: { field: string }) =>
      `签名内容不是有效的以太坊登录（SIWE）消息（${p.field} 缺失或格式错误）；请签署此链接页面生成的消息。`,
  },
  SIWE_NONCE_MISMATCH: {
    en: (_p: { id: string }) =>
      "The signed message belongs to another link (its nonce differs); sign the message shown on this link's page.",
    zh: (_p: { id: string }) => "签名的消息属于另一个链接（nonce 不同）；请签署此链接页面显示的消息。",
  },
  SIWE_DOMAIN_MISMATCH: {
    en: (p: { expected: string; got: string }) =>
      `The message signs in to "${p.got}", not ${p.expected}; only sign wallet links on ${p.expected}.`,
    zh: (p: { expected: string; got: string }) =>
      `该消息登录的是 "${p.got}"，而不是 ${p.expected}；请只在 ${p.expected} 上签署钱包绑定。`,
  },
  SIWE_URI_MISMATCH: {
    en: (p: { expected: string; got: string }) =>
      `The message's URI "${p.got}" is not on ${p.expected}; sign the message this link's page builds.`,
    zh: (p: { expected: string; got: string }) =>
      `消息中的 URI "${p.got}" 不属于 ${p.expected}；请签署此链接页面生成的消息。`,
  },
  SIWE_CHAIN_MISMATCH: {
    en: (p: { expected: number; got: number }) =>
      `The message names chain ${p.got}; wallets are linked on chain ${p.expected}. Sign the message this link's page builds.`,
    zh: (p: { expected: number; got: number }) =>
      `消息指定的链为 ${p.got}；钱包绑定使用链 ${p.expected}。请签署此链接页面生成的消息。`,
  },
  SIWE_STATEMENT_MISMATCH: {
    en: (p: { expected: string }) =>
      `The signed statement is not this link's ("${p.expected}"); sign the message this link's page builds.`,
    zh: (p: { expected: string }) =>
      `签名的声明与此链接的不符（"${p.expected}"）；请签署此链接页面生成的消息。`,
  },
  SIWE_EXPIRATION_TOO_LATE: {
    en: (p: { expirationTime: string; latest: string }) =>
      `The message stays valid until ${p.expirationTime}, after its link expires (${p.latest}); sign the message this link's page builds.`,
    zh: (p: { expirationTime: string; latest: string }) =>
      `消息有效期至 ${p.expirationTime}，晚于链接的过期时间（${p.latest}）；请签署此链接页面生成的消息。`,
  },
  SIWE_MESSAGE_EXPIRED: {
    en: (p: { expiredAt: string }) =>
      `The signed message expired at ${p.expiredAt}; reload the link's page and sign again (or send /link in the chat).`,
    zh: (p: { expiredAt: string }) =>
      `签名的消息已于 ${p.expiredAt} 过期；请刷新链接页面重新签名（或在聊天中发送 /link）。`,
  },
  SIWE_NOT_YET_VALID: {
    en: (p: { dated: string }) =>
      `The message is dated ${p.dated}, in the future; set your device's clock right, then sign again.`,
    zh: (p: { dated: string }) => `消息的时间为 ${p.dated}，晚于当前时间；请校准设备时钟后重新签名。`,
  },
  INVALID_SIGNATURE: {
    en: (p: { address: string }) =>
      `The signature does not prove control of ${p.address}; sign the message unchanged with that wallet's account.`,
    zh: (p: { address: string }) => `该签名不能证明您控制 ${p.address}；请用该钱包账户签署未经修改的消息。`,
  },
  // ── Links ──
  UNKNOWN_WALLET_LINK: {
    en: (p: { platform: string; userId: string; address: string }) =>
      `${p.address} is not linked to ${p.platform} user ${p.userId}; walletLinks lists the linked ones.`,
    zh: (p: { platform: string; userId: string; address: string }) =>
      `${p.address} 未绑定到 ${p.platform} 用户 ${p.userId}；walletLinks 会列出已绑定的钱包。`,
  },
} as const;
