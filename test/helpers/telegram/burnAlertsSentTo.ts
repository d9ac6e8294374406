import type { RecordedCall } from "./RecordedCall.ts";

/**
 * The burn alerts the stand-in accepted for one chat: successful `sendMessage` calls whose text is an
 * alert (English "SORA burned", or one naming `txHash` when given, to tell several burns apart).
 */
export function burnAlertsSentTo(calls: readonly RecordedCall[], chatId: string, txHash?: string) {
  return calls.filter(
    (call) =>
      call.method === "sendMessage" &&
      call.ok &&
      call.chatId === chatId &&
      (txHash === undefined
        ? /SORA burned/.test(String(call.params.text))
        : String(call.params.text).includes(txHash)),
  );
}
