import { badRequest } from "./BotApiError.ts";
import type { ChatDirectory } from "./createChatDirectory.ts";
import type { MessageStore } from "./createMessageStore.ts";
import type { PhotoStore } from "./createPhotoStore.ts";
import type { MethodHandler } from "./MethodHandler.ts";
import { readChatId, readMessageId, readString } from "./paramReaders.ts";
import { readCaption, readText } from "./readFormattedText.ts";
import { readInlineMarkup } from "./readInlineMarkup.ts";

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

/** sendMessage, sendPhoto, deleteMessage and sendChatAction over the stand-in's chats. */
export function messageMethods(deps: {
  directory: ChatDirectory;
  store: MessageStore;
  photos: PhotoStore;
}): Record<string, MethodHandler> {
  const { directory, store, photos } = deps;
  return {
    sendMessage({ params }) {
      const chatId = readChatId(params);
      directory.assertCanWrite(chatId);
      const { text, entities } = readText(params);
      return store.add(chatId, { text, entities, reply_markup: readInlineMarkup(params) });
    },
    sendPhoto({ params, files }) {
      const chatId = readChatId(params);
      directory.assertCanWrite(chatId);
      const photo = photos.read({ params, files });
      const caption = readCaption(params);
      return store.add(chatId, {
        photo,
        caption: caption?.text,
        caption_entities: caption?.entities,
        reply_markup: readInlineMarkup(params),
      });
    },
    deleteMessage({ params }) {
      const chatId = readChatId(params);
      directory.assertCanWrite(chatId);
      if (!store.delete(chatId, readMessageId(params))) throw badRequest("message to delete not found");
      return true;
    },
    sendChatAction({ params }) {
      const chatId = readChatId(params);
      directory.assertCanWrite(chatId);
      if (!CHAT_ACTIONS.has(readString(params, "action") ?? "")) {
        throw badRequest("wrong parameter action in request");
      }
      return true;
    },
  };
}
