/**
 * Not a bench: run by discordBenchWorld.ts as a child process, never imported. The stand-in of
 * Discord's API and gateway in a process of its own, as Discord's servers are: it stamps requests
 * on its own event loop, so a stall of the bot's loop cannot make requests that left the bot on
 * time look bunched together (or the reverse). Answers the parent's requests over IPC.
 */
import { startDiscordApiStandIn } from "../test/helpers/discord/startDiscordApiStandIn.ts";

/** A request from the parent: `id` comes back with the answer. */
export type StandInRequest =
  | { id: number; type: "waitForGatewayReady" }
  | { id: number; type: "dispatchInteraction"; payload: unknown }
  | { id: number; type: "report"; channelIds: string[] }
  | { id: number; type: "close" };

const standIn = await startDiscordApiStandIn();
const reply = (id: number, result: unknown) => process.send?.({ id, result });

process.on("message", async (request: StandInRequest) => {
  switch (request.type) {
    case "waitForGatewayReady":
      await standIn.waitForGatewayReady();
      return reply(request.id, null);
    case "dispatchInteraction":
      standIn.dispatchInteraction(request.payload);
      return reply(request.id, Date.now());
    case "report":
      return reply(request.id, {
        calls: standIn.calls.map(({ method, path, status, at }) => ({ method, path, status, at })),
        violations: standIn.violations,
        messagesPerChannel: request.channelIds.map((id) => standIn.channelMessages(id).length),
      });
    case "close":
      await standIn.close();
      reply(request.id, null);
      process.disconnect();
  }
});
process.send?.({
  ready: { apiRoot: standIn.apiRoot, token: standIn.token, applicationId: standIn.applicationId },
});
