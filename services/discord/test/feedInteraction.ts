import type { APIInteraction, Client } from "discord.js";

/**
 * Hands the client one INTERACTION_CREATE payload as its WebSocket shard would (Discord's gateway
 * is out of reach in tests). discord.js 14.28 has no public entry for a raw packet: its gateway
 * handler (`websocket/handlers/INTERACTION_CREATE.js`) calls exactly this action, which builds the
 * interaction and emits `interactionCreate`.
 */
export function feedInteraction(client: Client, payload: APIInteraction): void {
  const actions = (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions;
  actions.InteractionCreate.handle(payload);
}
