import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** A server side of a WebSocket carrying text frames (what Discord's gateway speaks with encoding=json). */
export type TextSocket = {
  send(text: string): void;
  close(code?: number): void;
  onText(listener: (text: string) => void): void;
  onClose(listener: () => void): void;
};

function uint64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(value));
  return bytes;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65_536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), uint64(length)]);
  return Buffer.concat([header, payload]);
}

/**
 * Completes a WebSocket upgrade (RFC 6455) and reads the client's masked frames: enough of a
 * WebSocket server for a stand-in of Discord's gateway, without a dependency. Fragmented and
 * binary messages are not used by discord.js without compression, so they are not handled.
 */
export function acceptWebSocket(request: IncomingMessage, socket: Duplex): TextSocket {
  const accept = createHash("sha1").update(`${request.headers["sec-websocket-key"]}${GUID}`).digest("base64");
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  const textListeners: ((text: string) => void)[] = [];
  const closeListeners: (() => void)[] = [];
  let buffered = Buffer.alloc(0);
  let closed = false;
  const close = (code = 1000) => {
    if (closed) return;
    closed = true;
    const payload = Buffer.from([code >> 8, code & 0xff]);
    socket.end(frame(0x8, payload));
    for (const listener of closeListeners) listener();
  };
  socket.on("data", (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (buffered.length < 2) return;
      const opcode = (buffered[0] ?? 0) & 0x0f;
      let length = (buffered[1] ?? 0) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffered.length < 10) return;
        length = Number(buffered.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffered.length < offset + 4 + length) return;
      const mask = buffered.subarray(offset, offset + 4);
      const payload = Buffer.from(buffered.subarray(offset + 4, offset + 4 + length));
      for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
      buffered = buffered.subarray(offset + 4 + length);
      if (opcode === 0x1) for (const listener of textListeners) listener(payload.toString("utf8"));
      else if (opcode === 0x8) close();
      else if (opcode === 0x9) socket.write(frame(0xa, payload));
    }
  });
  socket.on("close", () => {
    if (!closed) {
      closed = true;
      for (const listener of closeListeners) listener();
    }
  });
  socket.on("error", () => {});
  return {
    send: (text) => {
      if (!closed) socket.write(frame(0x1, Buffer.from(text, "utf8")));
    },
    close,
    onText: (listener) => textListeners.push(listener),
    onClose: (listener) => closeListeners.push(listener),
  };
}
