import { randomUUID } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { describeFirstIssue } from "./describeFirstIssue.ts";
import { ManifestError } from "./ManifestError.ts";
import { type DeploymentManifest, type DeploymentManifestJson, manifestSchema } from "./manifestSchema.ts";

/**
 * Writes a deployment manifest as pretty JSON (bigints as decimal strings, dates as ISO strings),
 * creating the directory if needed. Atomic: it writes a temporary file next to the target and
 * renames it over, so a reader (or a crash) never sees half a manifest.
 *
 * @throws {ManifestError} `invalid` if the manifest would not pass {@link readManifest} itself
 */
export async function writeManifest(path: string, manifest: DeploymentManifest): Promise<void> {
  const json = toJson(manifest);
  // Checked before writing, so a deploy script's bug fails here rather than in every reader.
  const result = manifestSchema.safeParse(json, { reportInput: true });
  if (!result.success) {
    const { field, text } = describeFirstIssue(result.error);
    throw new ManifestError(
      "invalid",
      `Refusing to write an invalid deployment manifest to ${path}: ${text}`,
      {
        path,
        field,
      },
    );
  }

  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    const file = await open(temporary, "w");
    try {
      await file.writeFile(`${JSON.stringify(json, null, 2)}\n`, "utf8");
      await file.sync(); // the rename must not land before the data does
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function toJson(manifest: DeploymentManifest): DeploymentManifestJson {
  return {
    version: manifest.version,
    chainId: manifest.chainId,
    rpcUrl: manifest.rpcUrl,
    startBlock: manifest.startBlock.toString(),
    deployedAt: manifest.deployedAt.toISOString(),
    launchTime: manifest.launchTime.toISOString(),
    contracts: { ...manifest.contracts },
  };
}
