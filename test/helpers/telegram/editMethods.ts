import type { Message } from "grammy/types";
import { badRequest } from "./BotApiError.ts";
import type { ChatDirectory } from "./createChatDirectory.ts";
import type { MessageContent, MessageStore } from "./createMessageStore.ts";
import type { MethodHandler } from "./MethodHandler.ts";
import { type Params, readChatId, readMessageId } from "./paramReaders.ts";
import { readCaption, readText } from "./readFormattedText.ts";
import { readInlineMarkup } from "./readInlineMarkup.ts";

/**
 * editMessageText, editMessageCaption and editMessageReplyMarkup. As on Telegram, an edit that
 * leaves out `reply_markup` removes the keyboard, and an edit that changes nothing is refused.
 */
export function editMethods(deps: {
  directory: ChatDirectory;
  store: MessageStore;
}): Record<string, MethodHandler> {
  const { directory, store } = deps;

  function edit(params: Params, change: (message: Message) => MessageContent): Message {
    const chatId = readChatId(params);
    directory.assertCanWrite(chatId);
    const message = store.find(chatId, readMessageId(params));
    if (!message) throw badRequest("message to edit not found");
    const edited = store.edit(message, change(message));
    if (!edited) {
      throw badRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    return edited;
  }

  return {
    editMessageText: ({ params }) =>
      edit(params, (message) => {
        if (message.text === undefined) throw badRequest("there is no text in the message to edit");
        const { text, entities } = readText(params);
        return { text, entities, reply_markup: readInlineMarkup(params) };
      }),
    editMessageCaption: ({ params }) =>
      edit(params, (message) => {
        if (message.photo === undefined) throw badRequest("there is no caption in the message to edit");
        const caption = readCaption(params);
        return {
          photo: message.photo,
          caption: caption?.text,
          caption_entities: caption?.entities,
          reply_markup: readInlineMarkup(params),
        };
      }),
    editMessageReplyMarkup: ({ params }) =>
      edit(params, ({ text, entities, photo, caption, caption_entities }) => ({
        text,
        entities,
        photo,
        caption,
        caption_entities,
        reply_markup: readInlineMarkup(params),
      })),
  };
}
