import type { IncomingMessage } from "node:http";

/** A request's JSON body (`payload_json` of a multipart one) and the files it uploaded. */
export type DiscordBody = {
  json: Record<string, unknown>;
  files: { field: string; name: string; size: number }[];
};

/** Reads a request body the way Discord does: JSON, or multipart/form-data with `payload_json` and `files[n]`. */
export async function readDiscordBody(request: IncomingMessage): Promise<DiscordBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = request.headers["content-type"] ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await new Request("http://stand-in/", {
      method: "POST",
      headers: { "content-type": type },
      body: raw,
    }).formData();
    const files: DiscordBody["files"] = [];
    let json: Record<string, unknown> = {};
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") json = JSON.parse(value) as Record<string, unknown>;
      } else {
        files.push({ field, name: value.name, size: value.size });
      }
    }
    return { json, files };
  }
  return {
    json: raw.length > 0 ? (JSON.parse(raw.toString("utf8")) as Record<string, unknown>) : {},
    files: [],
  };
}
