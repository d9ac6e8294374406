import type { Server, ServerResponse } from "node:http";

/** The responses a server is writing, for a drain (see {@link trackResponses}). */
export type ResponseTracker = {
  /**
   * From now on every answer closes its connection, those being written included: a keep-alive
   * client (nginx's upstream keepalive) would otherwise keep sending requests — and re-subscribing —
   * to a replica that is going away.
   */
  closeConnectionsAfterAnswer(): void;
  /** Resolves once every response being written now has been sent (or its client left). */
  settled(): Promise<void>;
};

/** Follows `server`'s responses so that `RunningGateway.stop` can let those started finish. */
export function trackResponses(server: Server): ResponseTracker {
  const inFlight = new Map<ServerResponse, Promise<void>>();
  let closing = false;
  const closeAfterAnswer = (response: ServerResponse) => {
    // Before its headers, Node then answers `Connection: close` and ends the socket after the body;
    // a stream already under way (SSE) has sent its headers: its socket is ended when it finishes.
    if (!response.headersSent) response.shouldKeepAlive = false;
    else response.once("finish", () => response.socket?.end());
  };
  server.on("request", (_request, response) => {
    if (closing) closeAfterAnswer(response);
    const answered = new Promise<void>((resolve) => response.once("close", resolve));
    inFlight.set(response, answered);
    void answered.then(() => inFlight.delete(response));
  });
  return {
    closeConnectionsAfterAnswer() {
      closing = true;
      for (const response of inFlight.keys()) closeAfterAnswer(response);
    },
    settled: async () => {
      await Promise.all(inFlight.values());
    },
  };
}
