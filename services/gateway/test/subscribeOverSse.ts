/** One `next` message of a GraphQL-over-SSE stream. */
export interface SseResult<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** A subscription a test (or a bench) reads message by message. */
export interface SseSubscription<T> {
  /** The next `next` message; rejects if none comes within `timeoutMs` or the stream ends first. */
  next(timeoutMs?: number): Promise<SseResult<T>>;
  /** Comment lines (`:` pings) seen so far: the server's keep-alive. */
  pings(): number;
  close(): void;
}

/**
 * Subscribes as a client would over GraphQL over SSE (the "distinct connections" mode): a POST
 * with `content-type: application/json` and `accept: text/event-stream`, which passes CSRF
 * prevention. Resolves once the response has started, i.e. once the server holds the subscription.
 */
export async function subscribeOverSse<T>(
  graphqlUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<SseSubscription<T>> {
  const abort = new AbortController();
  const response = await fetch(graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  if (!response.body) throw new Error(`subscription refused: HTTP ${response.status}`);
  const ready: SseResult<T>[] = [];
  let buffer = "";
  let pings = 0;
  let ended = false;
  // A subscription refused before it starts (bad arguments) is answered as one JSON result.
  if (!response.headers.get("content-type")?.includes("text/event-stream")) {
    ready.push((await response.json()) as SseResult<T>);
    ended = true;
  }
  const reader = ended ? undefined : response.body.pipeThrough(new TextDecoderStream()).getReader();
  // A read that lost a race against a timeout is still pending: the next call awaits that one.
  let reading: Promise<ReadableStreamReadResult<string>> | undefined;

  /** Splits what arrived into messages: blocks separated by a blank line. */
  const parse = () => {
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      const lines = buffer.slice(0, end).split("\n");
      buffer = buffer.slice(end + 2);
      if (lines.every((line) => line.startsWith(":"))) pings++;
      const event = lines
        .find((line) => line.startsWith("event:"))
        ?.slice(6)
        .trim();
      const data = lines
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trim())
        .join("\n");
      if (event === "next" && data) ready.push(JSON.parse(data) as SseResult<T>);
      if (event === "complete") ended = true;
    }
  };

  return {
    async next(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (ready.length === 0) {
        if (ended || !reader) throw new Error("the subscription completed");
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no subscription event within ${timeoutMs} ms`);
        reading ??= reader.read();
        const chunk = await Promise.race([
          reading,
          new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), left).unref()),
        ]);
        if (chunk === "timeout") continue;
        reading = undefined;
        if (chunk.done) ended = true;
        else buffer += chunk.value;
        parse();
      }
      return ready.shift() as SseResult<T>;
    },
    pings: () => pings,
    close: () => abort.abort(),
  };
}
