import type { PhotoSize } from "grammy/types";
import { badRequest } from "./BotApiError.ts";
import type { MethodRequest } from "./MethodHandler.ts";
import { readString } from "./paramReaders.ts";

/** Photos the bot uploaded, so a later send can reuse one by `file_id` as on Telegram. */
export type PhotoStore = {
  /** The sizes Telegram would store for `photo` (an upload or a known file_id), or its 400. */
  read(request: Pick<MethodRequest, "params" | "files">): PhotoSize[];
};

// Telegram keeps a photo as several sizes whose longest side is at most these.
const SIZE_STEPS = [90, 320, 800, 1280, 2560];

/**
 * Only PNG uploads are decoded (what the bots send: charts); other images get Telegram's
 * IMAGE_PROCESS_FAILED here although Telegram would take JPEG or WebP. URLs are not fetched.
 */
export function createPhotoStore(): PhotoStore {
  const byFileId = new Map<string, PhotoSize[]>();
  let uploads = 0;
  return {
    read({ params, files }) {
      const upload = files.photo;
      if (!upload) {
        const known = byFileId.get(readString(params, "photo") ?? "");
        if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
        return known;
      }
      if (upload.byteLength === 0) throw badRequest("file must be non-empty");
      if (!upload.isPng || upload.byteLength < 24) throw badRequest("IMAGE_PROCESS_FAILED");
      // PNG's IHDR chunk comes first: width and height at bytes 16 and 20.
      const width = upload.bytes.readUInt32BE(16);
      const height = upload.bytes.readUInt32BE(20);
      if (width + height > 10_000 || Math.max(width, height) > 20 * Math.min(width, height)) {
        throw badRequest("PHOTO_INVALID_DIMENSIONS");
      }
      uploads += 1;
      const sizes = photoSizes(uploads, width, height, upload.byteLength);
      for (const size of sizes) byFileId.set(size.file_id, sizes);
      return sizes;
    },
  };
}

function photoSizes(upload: number, width: number, height: number, byteLength: number): PhotoSize[] {
  const longest = Math.max(width, height);
  const steps = SIZE_STEPS.filter((step) => step < longest).concat(Math.min(longest, 2560));
  return steps.map((step, index) => {
    const scale = step / longest;
    return {
      file_id: `AgACAgIAAxkDAAE${upload.toString(36).padStart(6, "0")}${index}stand-in`,
      file_unique_id: `AQAD${upload.toString(36)}${index}`,
      width: Math.max(1, Math.round(width * scale)),
      height: Math.max(1, Math.round(height * scale)),
      file_size: Math.round(byteLength * scale * scale),
    };
  });
}
