import { badRequest } from "./BotApiError.ts";

/** One part of a multipart/form-data body. */
export type MultipartPart = { name: string; fileName?: string; contentType?: string; data: Buffer };

/**
 * Splits a multipart/form-data body the way Telegram's server accepts it. Node's own
 * `Request.formData()` is stricter than Telegram: it refuses what grammY writes
 * (`content-disposition:form-data;name="photo"` without spaces, unquoted `filename=chart.png`).
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = `--${boundary}`;
  const parts: MultipartPart[] = [];
  let at = body.indexOf(delimiter);
  if (at === -1) throw badRequest("can't parse multipart/form-data body");
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    if (body.toString("latin1", afterDelimiter, afterDelimiter + 2) === "--") return parts;
    const start = afterDelimiter + 2; // the CRLF after a delimiter
    const next = body.indexOf(`\r\n${delimiter}`, start);
    const headerEnd = body.indexOf("\r\n\r\n", start);
    if (next === -1 || headerEnd === -1 || headerEnd > next) {
      throw badRequest("can't parse multipart/form-data body");
    }
    parts.push(readPart(body.toString("utf8", start, headerEnd), body.subarray(headerEnd + 4, next)));
    at = next + 2;
  }
}

function readPart(headerText: string, data: Buffer): MultipartPart {
  const headers = new Map<string, string>();
  for (const line of headerText.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = dispositionParams(headers.get("content-disposition") ?? "");
  const name = disposition.get("name");
  if (name === undefined) throw badRequest("can't parse multipart/form-data body");
  return {
    name,
    fileName: disposition.get("filename"),
    contentType: headers.get("content-type"),
    data,
  };
}

function dispositionParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const [, key, quoted, bare] of value.matchAll(
    /;\s*([\w*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g,
  )) {
    if (key) params.set(key.toLowerCase(), quoted?.replace(/\\(.)/g, "$1") ?? bare?.trim() ?? "");
  }
  return params;
}
