import type { TextSocket } from "./acceptWebSocket.ts";

/** Discord's gateway opcodes the stand-in speaks. */
const OP = { dispatch: 0, heartbeat: 1, identify: 2, hello: 10, heartbeatAck: 11 } as const;
/** Close code for a bad token. */
const AUTHENTICATION_FAILED = 4004;

/** One bot connection to the gateway stand-in: it sends events (`dispatch`) once identified. */
export type GatewaySession = {
  /** The intents the bot identified with (undefined before IDENTIFY). */
  intents?: number;
  dispatch(event: string, data: unknown): void;
  close(): void;
};

/**
 * Speaks Discord's gateway on one WebSocket (encoding=json, no compression): HELLO, heartbeat ACKs,
 * and READY for an IDENTIFY with the right token (a wrong one is closed with 4004, as Discord does).
 */
export function startGatewaySession(
  socket: TextSocket,
  bot: { token: string; applicationId: string; onReady(session: GatewaySession): void },
): GatewaySession {
  let sequence = 0;
  const send = (payload: object) => socket.send(JSON.stringify(payload));
  const session: GatewaySession = {
    dispatch(event, data) {
      sequence += 1;
      send({ op: OP.dispatch, t: event, s: sequence, d: data });
    },
    close: () => socket.close(),
  };
  send({ op: OP.hello, d: { heartbeat_interval: 41_250 }, s: null, t: null });
  socket.onText((text) => {
    const message = JSON.parse(text) as { op: number; d: { token?: string; intents?: number } };
    if (message.op === OP.heartbeat) send({ op: OP.heartbeatAck, d: null, s: null, t: null });
    if (message.op !== OP.identify) return;
    if (message.d.token !== bot.token) {
      socket.close(AUTHENTICATION_FAILED);
      return;
    }
    session.intents = message.d.intents;
    session.dispatch("READY", {
      v: 10,
      user: {
        id: bot.applicationId,
        username: "Luma Pulse",
        discriminator: "0000",
        global_name: null,
        avatar: null,
        bot: true,
      },
      guilds: [],
      session_id: `session-${Date.now()}`,
      resume_gateway_url: "ws://127.0.0.1:1",
      application: { id: bot.applicationId, flags: 0 },
      shard: [0, 1],
    });
    bot.onReady(session);
  });
  return session;
}
