import { type RunningTelegramBot, startTelegramBot } from "../../services/telegram/src/startTelegramBot.ts";
import { type BotApiStandIn, startBotApiStandIn } from "../../test/helpers/telegram/startBotApiStandIn.ts";
import { startBotBenchBase } from "./startBotBenchBase.ts";

/**
 * Everything the Telegram benches run against, as in production on one host: a throwaway
 * PostgreSQL database (BENCH_POSTGRES_URL, default the machine's) shared by the gateway and the
 * bot, the gateway over the chain at `manifestPath` in a child process, and the Bot API stand-in
 * with Telegram's default limits in this process. `startBot()` starts the whole bot on them (long
 * polling, the burn subscription, the delivery worker); `logs` collects what it logs.
 */
export async function startTelegramBenchWorld(options: { manifestPath: string; label: string }) {
  const base = await startBotBenchBase(options);
  try {
    const standIn: BotApiStandIn = await startBotApiStandIn();
    base.onStop(() => standIn.close());
    let bot: RunningTelegramBot | undefined;
    return {
      prisma: base.prisma,
      gateway: base.gateway,
      standIn,
      logs: base.logs,
      async startBot() {
        bot = await startTelegramBot({
          config: { token: standIn.token, apiRoot: standIn.apiRoot, gatewayUrl: base.gateway.url },
          prisma: base.prisma,
          log: base.log,
        });
        base.onStop(() => bot?.stop() ?? Promise.resolve());
        return bot;
      },
      stop: base.stop,
    };
  } catch (error) {
    await base.stop();
    throw error;
  }
}
