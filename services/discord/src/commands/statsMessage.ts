import { answerCommand, type ChatView, type Locale } from "@luma-pulse/chat";
import type { DiscordBotDeps } from "../DiscordBotDeps.ts";

/**
 * The stats a moderator puts in a channel (SORA's burned total, supply, price, milestones and the
 * burn chart), in `locale`; or, when the gateway could not answer, the error view to show the
 * moderator instead (`ok: false`): an error is never posted to a channel.
 */
export async function statsMessage(
  deps: DiscordBotDeps,
  locale: Locale,
): Promise<{ ok: boolean; view: ChatView }> {
  const reply = await answerCommand(
    {
      gateway: deps.gateway,
      platform: "discord",
      locale,
      // Protocol figures only: nobody's wallet is read.
      user: { platform: "DISCORD", userId: "0" },
      chat: { kind: "group", isAdmin: true },
      now: new Date(),
      charts: true,
      explorer: deps.explorer,
    },
    "sora",
    [],
  );
  return { ok: reply.view.asOf !== undefined, view: reply.view };
}
