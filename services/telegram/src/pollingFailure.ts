import { GrammyError } from "grammy";

/**
 * One line saying why long polling stopped for good, and what to do: Telegram answers 409 while
 * another process polls with the same token (or a webhook is set), 401 once the token is revoked.
 */
export function pollingFailure(error: unknown): string {
  if (error instanceof GrammyError && error.error_code === 409) {
    return "Telegram refused long polling (409): another process is polling with this bot token, or a webhook was set; stop it and start again.";
  }
  if (error instanceof GrammyError && error.error_code === 401) {
    return "Telegram refused long polling (401): the bot token was revoked; get a new one from @BotFather and set TELEGRAM_BOT_TOKEN.";
  }
  return `Telegram long polling stopped: ${error instanceof Error ? error.message : String(error)}`;
}
