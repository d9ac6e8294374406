import type { User, UserFromGetMe } from "grammy/types";

/** Who the stand-in's bot is: the id is also the numeric prefix of its token, as in real tokens. */
export type TestBot = { id: number; username: string };

/** The bot the stand-in plays unless told otherwise (update builders use it for the bot's own messages). */
export const TEST_BOT: TestBot = { id: 7_000_000_001, username: "luma_pulse_test_bot" };

/** A token shaped like BotFather's (`<bot id>:<35 characters>`) for `bot`. */
export function testBotToken(bot: TestBot): string {
  return `${bot.id}:AAE-stand-in-token-0123456789abcdef`;
}

/** The bot as it appears in messages it sends (`from`) and in member lists. */
export function botUser(bot: TestBot): User {
  return { id: bot.id, is_bot: true, first_name: "Luma Pulse", username: bot.username };
}

/** What `getMe` answers: a bot in privacy mode that can join groups, no inline mode. */
export function botFromGetMe(bot: TestBot): UserFromGetMe {
  return {
    ...botUser(bot),
    is_bot: true,
    username: bot.username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}
