import { describeFirstIssue } from "./describeFirstIssue.ts";
import { ManifestError } from "./ManifestError.ts";
import { type DeploymentManifest, manifestSchema } from "./manifestSchema.ts";

/**
 * Validates an already-parsed JSON value as a deployment manifest (for manifests that do not
 * come from a file, e.g. fetched over HTTP by the signing page).
 *
 * @param value - the result of `JSON.parse`
 * @param source - names the manifest in the error message, e.g. its path or URL
 * @throws {ManifestError} `invalid`, naming the first bad field and what was expected
 */
export function parseManifest(value: unknown, source?: string): DeploymentManifest {
  const result = manifestSchema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const { field, text } = describeFirstIssue(result.error);
  const name = source === undefined ? "deployment manifest" : `deployment manifest ${source}`;
  throw new ManifestError("invalid", `Invalid ${name}: ${text}`, { path: source, field });
}
