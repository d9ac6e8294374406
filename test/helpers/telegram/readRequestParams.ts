import type { IncomingMessage } from "node:http";
import { badRequest } from "./BotApiError.ts";
import type { Params } from "./paramReaders.ts";
import { parseMultipart } from "./parseMultipart.ts";
import type { UploadedFile } from "./RecordedCall.ts";

// Parameters Telegram takes as JSON-serialized objects; form bodies carry them as strings.
const JSON_FIELDS = [
  "reply_markup",
  "entities",
  "caption_entities",
  "commands",
  "scope",
  "allowed_updates",
  "link_preview_options",
  "reply_parameters",
];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Reads a Bot API request's parameters from the query string and a JSON, urlencoded or
 * multipart body, as Telegram does. Uploaded files are keyed by the parameter that names them:
 * grammY sends `photo=attach://<id>` plus a part `<id>`; plain form clients send a file part `photo`.
 */
export async function readRequestParams(
  req: IncomingMessage,
  url: URL,
): Promise<{ params: Params; files: Record<string, UploadedFile> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const params: Params = Object.fromEntries(url.searchParams);
  const uploads = new Map<string, UploadedFile>();
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (body.length > 0 && type.startsWith("application/json")) {
    Object.assign(params, parseJsonObject(body.toString("utf8")));
  } else if (body.length > 0 && type.startsWith("application/x-www-form-urlencoded")) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  } else if (body.length > 0 && type.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(req.headers["content-type"] ?? "");
    for (const part of parseMultipart(body, boundary?.[1] ?? boundary?.[2] ?? "")) {
      if (part.fileName === undefined) params[part.name] = part.data.toString("utf8");
      else uploads.set(part.name, uploadedFile(part.fileName, part.contentType, part.data));
    }
  }
  for (const field of JSON_FIELDS) {
    const value = params[field];
    if (typeof value === "string") params[field] = parseJson(value, field);
  }
  const files: Record<string, UploadedFile> = {};
  for (const [name, value] of Object.entries(params)) {
    const attached = typeof value === "string" && value.startsWith("attach://");
    const file = attached ? uploads.get(value.slice("attach://".length)) : undefined;
    if (file) files[name] = file;
  }
  for (const [name, file] of uploads) if (!(name in params)) files[name] = file;
  return { params, files };
}

function uploadedFile(fileName: string, contentType: string | undefined, bytes: Buffer): UploadedFile {
  const isPng = bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
  return { fileName, contentType, byteLength: bytes.length, isPng, bytes };
}

function parseJsonObject(text: string): Params {
  const value = parseJson(text, "request");
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest("request JSON must be an object");
  }
  return value as Params;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(`can't parse ${what} JSON object`);
  }
}
