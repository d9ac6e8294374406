import { startBotApiStandIn } from "./test/helpers/telegram/startBotApiStandIn.ts";
import { commandUpdate } from "./test/helpers/telegram/telegramUpdates.ts";
const s = await startBotApiStandIn();
console.log(JSON.stringify({ apiRoot: s.apiRoot, token: s.token }));
// After the bot has started polling, ask it something.
const ready = await s.waitFor((c) => c.method === "getUpdates", 300_000);
s.pushUpdate(commandUpdate({ text: "/sora", chat: "private", from: { id: 42, languageCode: "zh" } }));
const reply = await s.waitFor((c) => c.ok && c.chatId === "42", 60_000);
console.log("REPLY", reply.method, JSON.stringify(reply.message && ("text" in reply.message ? reply.message.text : reply.message.caption)).slice(0, 300));
void ready;
