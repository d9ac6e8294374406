import { readFile } from "node:fs/promises";
import { locateJsonSyntaxError } from "./locateJsonSyntaxError.ts";
import { ManifestError } from "./ManifestError.ts";
import type { DeploymentManifest } from "./manifestSchema.ts";
import { parseManifest } from "./parseManifest.ts";

/**
 * Reads and validates a deployment manifest file.
 *
 * @throws {ManifestError} with a one-line message: `missing` (says how to create one),
 *   `unreadable`, `not_json` (with line, column and offset) or `invalid` (names the first bad field)
 */
export async function readManifest(path: string): Promise<DeploymentManifest> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw readError(path, cause);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ManifestError(
      "not_json",
      `Deployment manifest ${path} is not valid JSON: ${whereBroken(text)}.`,
      {
        path,
        cause,
      },
    );
  }
  return parseManifest(json, path);
}

function readError(path: string, cause: unknown): ManifestError {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === "ENOENT") {
    return new ManifestError(
      "missing",
      `No deployment manifest at ${path}. Run \`npm start\` to deploy the devnet, or set LUMA_MANIFEST to a deployment's manifest.`,
      { path, cause },
    );
  }
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ManifestError("unreadable", `Cannot read deployment manifest ${path}: ${reason}`, {
    path,
    cause,
  });
}

function whereBroken(text: string): string {
  if (text.trim() === "") return "the file is empty";
  const location = locateJsonSyntaxError(text);
  if (location === undefined) return "JSON.parse rejected it"; // the checker and V8 disagree: should not happen
  const { found, line, column, position } = location;
  return `unexpected ${found} at line ${line}, column ${column} (position ${position})`;
}
